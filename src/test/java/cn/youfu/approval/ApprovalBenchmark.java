package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.BenchmarkCpu;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * 秒批 end to end: decisions per second and latency of {@code POST /api/v1/applications} over HTTP on the real
 * server (random loopback port, durable embedded PostgreSQL with fsync on, the synthetic city), and the same
 * elderly-card decision on Flowable 7 (BPMN + DMN, standalone engines, same JVM, same PostgreSQL) measured through
 * its Java API — without HTTP, case, ledger or certificate, i.e. favourably to Flowable. Youfu's own background work
 * runs as in production: the audit ledger is sealed into a signed checkpoint every minute, the case clocks are swept
 * every minute.
 *
 * <p>Run: {@code mvn -B -q test -Pbenchmark -Dtest=ApprovalBenchmark} (about 8 minutes, most of it warming up; its
 * data directory grows to about 3 GB). Prints one Markdown table for docs/benchmarks.md ("Instant approval").
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "youfu.mode=demo", "youfu.data-dir=" + ApprovalBenchmark.DATA_DIR, "server.address=127.0.0.1",
        "logging.level.org.flowable=WARN", "logging.level.cn.youfu=WARN"})
class ApprovalBenchmark {

    static final String DATA_DIR = "target/benchmark-approval-data";
    static final BenchmarkCpu CPU = new BenchmarkCpu(DATA_DIR);
    /**
     * The threads that generate Youfu's load: the HTTP client's I/O thread ("requester-dispatch-1", of which Linux
     * keeps 15 characters), the clients' and the test's own (main).
     */
    static final java.util.function.Predicate<String> LOAD_GENERATOR = name -> name.startsWith("load-")
            || name.startsWith("requester-dispa") || name.equals("main");
    /** For {@link Run}'s PostgreSQL WAL counts; set when the test starts. */
    static volatile JdbcClient stats;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    // Sizes and durations: a full run takes about 8 minutes on 2 cores, warm-up (up to 3 minutes per system) included.
    /**
     * Unmeasured decisions first, in rounds of this length (8 at a time; for Youfu each followed by one at the peak
     * rate, {@link #SUSTAINED_RATE}), until the JIT has compiled the hot paths as a server that has been running a
     * while has: at least {@link #WARM_UP_MIN}, then until the JIT compiler threads
     * used less than {@link #SETTLED_COMPILE_SHARE} of one core in a round, at most {@link #WARM_UP_MAX}. On 2 cores
     * the JIT compiles for minutes: measured after a fixed 15 s, its threads still used 30-80 % of a core during the
     * runs, and the rates of repeated runs differed by a third.
     */
    static final Duration WARM_UP_ROUND = Duration.ofSeconds(10);
    static final Duration WARM_UP_MIN = Duration.ofSeconds(30);
    static final Duration WARM_UP_MAX = Duration.ofSeconds(180);
    static final double SETTLED_COMPILE_SHARE = 0.10;
    static final int OPEN_RATE = 200;
    static final Duration OPEN_FOR = Duration.ofSeconds(20);
    /** The throughput goal, held: an open loop at this rate must be answered in full, in time, without errors. */
    static final int SUSTAINED_RATE = 500;
    static final Duration SUSTAINED_FOR = Duration.ofSeconds(30);
    static final Duration CLOSED_FOR = Duration.ofSeconds(15);
    /**
     * Fresh eligible applicants made for Youfu's approvals (see {@link #youfuApplicants}): a run approves about
     * 50,000 (about 46 % of some 110,000 decisions), in the proportion of the two eligible kinds (45 : 10).
     */
    static final int FRESH_HUKOU = 60_000;
    static final int FRESH_PERMIT = 14_000;
    static final Duration FLOWABLE_FOR = Duration.ofSeconds(12);
    static final int MAX_IN_FLIGHT = 400;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Kinds of residents and how many of each are signed in: together the decision mix of the run. */
    enum Kind {
        ELIGIBLE_HUKOU(45, "APPROVED", """
                p.birth_date <= :cutoff AND p.hukou_division LIKE '3501%' AND NOT EXISTS (SELECT 1 FROM
                sources.e_licence l WHERE l.holder_id = p.id_number AND l.licence_type = 'elderly-card'
                AND l.status = 'valid')"""),
        ELIGIBLE_PERMIT(10, "APPROVED", """
                p.birth_date <= :cutoff AND p.hukou_division NOT LIKE '3501%'
                AND p.residence_permit_division LIKE '3501%' AND p.residence_permit_expiry >= :today
                AND NOT EXISTS (SELECT 1 FROM sources.e_licence l WHERE l.holder_id = p.id_number
                AND l.licence_type = 'elderly-card' AND l.status = 'valid')"""),
        TOO_YOUNG(25, "REJECTED", """
                p.birth_date > :cutoff AND p.birth_date <= :adult AND p.hukou_division LIKE '3501%'"""),
        NOT_FUZHOU(20, "REJECTED", """
                p.birth_date <= :cutoff AND p.hukou_division NOT LIKE '3501%'
                AND (p.residence_permit_division IS NULL OR p.residence_permit_division NOT LIKE '3501%'
                     OR p.residence_permit_expiry IS NULL OR p.residence_permit_expiry < :today)"""),
        HOLDS_CARD(20, "REJECTED", """
                p.birth_date <= :cutoff AND p.hukou_division LIKE '3501%' AND EXISTS (SELECT 1 FROM
                sources.e_licence l WHERE l.holder_id = p.id_number AND l.licence_type = 'elderly-card'
                AND l.status = 'valid')""");

        final int count;
        final String expected;
        final String where;

        Kind(int count, String expected, String where) {
            this.count = count;
            this.expected = expected;
            this.where = where;
        }
    }

    record Resident(String id, String name, Kind kind) {
    }

    record Signed(Resident resident, String token) {
    }

    static {
        var dir = Path.of(DATA_DIR);
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    org.springframework.context.ApplicationContext context;

    final JsonMapper json = JsonMapper.builder().build();
    /** The load generator's HTTP client, made by {@link #loadGenerator()}. */
    HttpAsyncRequester http;

    /** An HTTP answer: its status and its body (UTF-8). */
    record Answer(int status, String body) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Measurements

    /** Latencies (µs) of one run, the decisions seen, and the errors; thread-safe. */
    static final class Run {
        final String name;
        final long[] micros;
        final AtomicInteger count = new AtomicInteger();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
        final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        final LongAdder approvedWithCertificate = new LongAdder();
        /** Decisions that differ from the one the resident's kind should get (e.g. a source timing out: manual). */
        final LongAdder unexpected = new LongAdder();
        /** The first unexpected answer's reasons, to tell why. */
        volatile String unexpectedSample;
        double seconds;
        private double[] cpuAtStart;
        private long[] gcAtStart;
        private double compileAtStart;
        /** Milliseconds of CPU the JIT compilers used during the run (a settled JIT uses little). */
        long compileMillis;
        /** CPU seconds used during the run: this JVM (server, engine and load generator), PostgreSQL. */
        double jvmCpu;
        double pgCpu;
        /** CPU seconds of the load generator's threads ({@link #LOAD_GENERATOR}) during the run. */
        double loadCpu;
        private double loadAtStart;
        /** Context switches on the machine during the run ({@link BenchmarkCpu#contextSwitches()}). */
        long contextSwitches;
        private long switchesAtStart;
        /**
         * PostgreSQL's WAL during the run (pg_stat_wal: bytes, full-page images, times the WAL buffers were full) and
         * the checkpoints begun (pg_stat_checkpointer: timed and requested).
         */
        long[] wal;
        private long[] walAtStart;
        /**
         * An open loop's seconds: decisions answered, errors, requests in flight at the second's end, cores used by
         * this JVM and by PostgreSQL, milliseconds of JIT compilation, the tables autovacuum was vacuuming or
         * analysing at the second's end.
         */
        final StringBuffer timeline = new StringBuffer();
        /** Garbage collections during the run, and the milliseconds they took (the JVM's own account). */
        long collections;
        long collectionMillis;

        void start() {
            cpuAtStart = CPU.now();
            gcAtStart = gc();
            compileAtStart = BenchmarkCpu.jitCompilers();
            loadAtStart = BenchmarkCpu.threads(LOAD_GENERATOR);
            switchesAtStart = BenchmarkCpu.contextSwitches();
            walAtStart = wal();
        }

        void stop(long startNanos) {
            seconds = (System.nanoTime() - startNanos) / 1e9;
            var end = CPU.now();
            jvmCpu = end[0] - cpuAtStart[0];
            pgCpu = end[1] - cpuAtStart[1];
            var gcAtEnd = gc();
            collections = gcAtEnd[0] - gcAtStart[0];
            collectionMillis = gcAtEnd[1] - gcAtStart[1];
            compileMillis = Math.round(1000 * (BenchmarkCpu.jitCompilers() - compileAtStart));
            loadCpu = BenchmarkCpu.threads(LOAD_GENERATOR) - loadAtStart;
            contextSwitches = BenchmarkCpu.contextSwitches() - switchesAtStart;
            var walAtEnd = wal();
            wal = new long[walAtEnd.length];
            Arrays.setAll(wal, i -> walAtEnd[i] - walAtStart[i]);
        }

        /**
         * {bytes, full-page images, buffers full, checkpoints begun} so far; backends report at most once a second,
         * so about.
         */
        static long[] wal() {
            return stats.sql("SELECT wal_bytes::bigint, wal_fpi, wal_buffers_full,"
                            + " (SELECT num_timed + num_requested FROM pg_stat_checkpointer) FROM pg_stat_wal")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .single();
        }

        String walPerDecision() {
            return ("%.1f KB WAL, %.2f full-page images, WAL buffers full %,d times, checkpoints begun %d, "
                    + "context switches on the machine %.1f").formatted(wal[0] / 1024.0 / decided(),
                    (double) wal[1] / decided(), wal[2], wal[3], (double) contextSwitches / decided());
        }

        /** {collections, milliseconds} so far, all collectors. */
        static long[] gc() {
            long count = 0;
            long millis = 0;
            for (var collector : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, collector.getCollectionCount());
                millis += Math.max(0, collector.getCollectionTime());
            }
            return new long[] {count, millis};
        }

        String cpuPerDecision() {
            return "%.1f + %.1f".formatted(1000 * jvmCpu / decided(), 1000 * pgCpu / decided());
        }

        Run(String name, int capacity) {
            this.name = name;
            this.micros = new long[capacity];
        }

        void ok(long nanos, String decision, String expected) {
            if (!decision.equals(expected)) {
                unexpected.increment();
            }
            int i = count.getAndIncrement();
            if (i < micros.length) {
                micros[i] = nanos / 1000;
            }
            decisions.computeIfAbsent(decision, d -> new LongAdder()).increment();
        }

        void error(String kind) {
            errors.increment();
            errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        long[] sorted() {
            var copy = Arrays.copyOf(micros, Math.min(count.get(), micros.length));
            Arrays.sort(copy);
            return copy;
        }

        double percentileMs(double p) {
            var s = sorted();
            if (s.length == 0) {
                return Double.NaN;
            }
            return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1000.0;
        }

        int decided() {
            return Math.min(count.get(), micros.length);
        }

        double rate() {
            return decided() / seconds;
        }

        String mix() {
            int total = decided();
            var parts = new ArrayList<String>();
            new TreeMap<>(decisions).forEach((d, n) -> parts.add("%s %,d (%.1f %%)".formatted(d, n.sum(),
                    100.0 * n.sum() / total)));
            return String.join(", ", parts);
        }

        String row(String how, String load) {
            return "| %s | %s | %,d | %,.0f /s | %.1f | %.1f | %.1f | %.1f | %d | %s |".formatted(name,
                    how + ", " + load, decided(), rate(), percentileMs(0.50), percentileMs(0.90),
                    percentileMs(0.99), percentileMs(1.0), errors.sum(), cpuPerDecision());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Youfu over HTTP

    /**
     * The load generator's client: the asynchronous HTTP/1.1 requester of Apache HttpCore 5 (the core of HttpClient 5,
     * without its retries, cookies, redirects and authentication), one I/O thread that also completes the answers,
     * up to {@link #MAX_IN_FLIGHT} connections. It shares the two cores with Youfu: the JDK's HttpClient took 0.21 ms
     * of CPU per decision, and more in a backlog of hundreds of connections (it keeps idle connections in a list
     * sorted by expiry). HttpClient 5 itself is not used: on the tests' class path it would make Spring's own HTTP
     * clients (the sign-in's token request) use it instead of the JDK's, which production uses.
     */
    static HttpAsyncRequester loadGenerator() {
        var requester = AsyncRequesterBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1)
                        .setSoTimeout(Timeout.of(REQUEST_TIMEOUT)).build())
                .setMaxTotal(MAX_IN_FLIGHT).setDefaultMaxPerRoute(MAX_IN_FLIGHT)
                .create();
        requester.start();
        return requester;
    }

    AsyncRequestProducer application(String token) {
        return AsyncRequestBuilder.post("http://127.0.0.1:" + port + "/api/v1/applications")
                .addHeader("Authorization", "Bearer " + token)
                .addHeader("Accept", "application/json")
                .setEntity("{\"item\":\"elderly-card\",\"form\":{}}", ContentType.APPLICATION_JSON)
                .build();
    }

    /** Sends {@code request}; the answer completes on the client's I/O thread. */
    CompletableFuture<Answer> send(AsyncRequestProducer request) {
        var answer = new CompletableFuture<Answer>();
        http.execute(request, new BasicResponseConsumer<>(new BasicAsyncEntityConsumer()), Timeout.ofSeconds(5),
                new FutureCallback<Message<HttpResponse, byte[]>>() {
                    @Override
                    public void completed(Message<HttpResponse, byte[]> response) {
                        byte[] body = response.getBody();
                        answer.complete(new Answer(response.getHead().getCode(),
                                body == null ? "" : new String(body, StandardCharsets.UTF_8)));
                    }

                    @Override
                    public void failed(Exception failure) {
                        answer.completeExceptionally(failure);
                    }

                    @Override
                    public void cancelled() {
                        answer.cancel(false);
                    }
                });
        return answer;
    }

    /** Sends {@code request} and waits for the answer. */
    Answer exchange(AsyncRequestProducer request) {
        try {
            return send(request).get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The decision of a 201 answer, or null when the answer is anything else. */
    static String decisionOf(Answer response) {
        if (response.status() != 201) {
            return null;
        }
        var body = response.body();
        int at = body.indexOf("\"decision\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + "\"decision\":\"".length();
        return body.substring(from, body.indexOf('"', from));
    }

    static boolean hasCertificate(Answer response) {
        return response.body().contains("\"certificate\":{");
    }

    void record(Run run, long nanos, String expected, Answer response, Throwable failure) {
        if (failure != null) {
            run.error(failure.getClass().getSimpleName());
            return;
        }
        var decision = decisionOf(response);
        if (decision == null) {
            run.error("HTTP " + response.status());
            return;
        }
        if ("APPROVED".equals(decision) && hasCertificate(response)) {
            run.approvedWithCertificate.increment();
        }
        if (!decision.equals(expected) && run.unexpectedSample == null) {
            var body = response.body();
            int reasons = body.indexOf("\"reasons\"");
            run.unexpectedSample = body.substring(Math.max(0, reasons), Math.min(body.length(),
                    Math.max(0, reasons) + 600));
        }
        run.ok(nanos, decision, expected);
    }

    /** How many ledger entries the audit module's checkpoints have sealed so far (it seals every minute). */
    double sealedEntries() {
        return stats.sql("SELECT coalesce(sum(entry_count), 0) FROM audit.checkpoint").query(Long.class).single();
    }

    String signIn(String username) throws Exception {
        var response = exchange(AsyncRequestBuilder.post("http://127.0.0.1:" + port + "/api/v1/auth/token")
                .setEntity("{\"username\":\"" + username + "\",\"password\":\"youfu-demo\"}",
                        ContentType.APPLICATION_JSON)
                .build());
        assertThat(response.status()).as("sign-in of %s", username).isEqualTo(200);
        return json.readTree(response.body()).get("access_token").asString();
    }

    /**
     * Open loop: requests are sent at their scheduled times whatever the server does (up to MAX_IN_FLIGHT
     * outstanding; beyond that a request is counted as an error, not delayed). Latency is measured from the
     * scheduled time, so a stall is not hidden (no coordinated omission).
     */
    Run openLoop(Supplier<Signed> applicants, int perSecond, Duration duration) throws InterruptedException {
        int total = (int) (perSecond * duration.toSeconds());
        var run = new Run("Youfu", total);
        var inFlight = new Semaphore(MAX_IN_FLIGHT);
        var done = new CountDownLatch(total);
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 50_000_000L;
        run.start();
        var seconds = Executors.newSingleThreadScheduledExecutor(named("load-timeline"));
        var second = new AtomicInteger();
        var cpuAtStart = CPU.now();
        var last = new double[] {0, 0, cpuAtStart[0], cpuAtStart[1], BenchmarkCpu.jitCompilers(),
                BenchmarkCpu.steal(), sealedEntries()};
        seconds.scheduleAtFixedRate(() -> {
            var cpu = CPU.now();
            var now = new double[] {run.count.get(), run.errors.sum(), cpu[0], cpu[1], BenchmarkCpu.jitCompilers(),
                    BenchmarkCpu.steal(), sealedEntries()};
            var vacuuming = stats.sql("SELECT coalesce(string_agg(t, ', '), '') FROM (SELECT relid::regclass::text "
                    + "FROM pg_stat_progress_vacuum UNION ALL SELECT 'analyze ' || relid::regclass::text "
                    + "FROM pg_stat_progress_analyze) AS p(t)").query(String.class).single();
            run.timeline.append("%n| %d | %.0f | %.0f | %d | %.2f | %.2f | %.0f | %.0f | %s | %s |".formatted(
                    second.incrementAndGet(), now[0] - last[0], now[1] - last[1],
                    MAX_IN_FLIGHT - inFlight.availablePermits(), now[2] - last[2], now[3] - last[3],
                    1000 * (now[4] - last[4]), 1000 * (now[5] - last[5]), vacuuming,
                    now[6] > last[6] ? "%,.0f".formatted(now[6] - last[6]) : ""));
            System.arraycopy(now, 0, last, 0, now.length);
        }, 1, 1, TimeUnit.SECONDS);
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * period;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                run.error("over " + MAX_IN_FLIGHT + " in flight");
                done.countDown();
                continue;
            }
            var who = applicants.get();
            if (who == null) {
                run.error("out of fresh applicants");
                inFlight.release();
                done.countDown();
                continue;
            }
            send(application(who.token()))
                    .whenComplete((response, failure) -> {
                        record(run, System.nanoTime() - scheduled, who.resident().kind().expected, response,
                                failure);
                        inFlight.release();
                        done.countDown();
                    });
        }
        boolean finished = done.await(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        run.stop(start);
        seconds.shutdownNow();
        if (!finished) {
            for (long k = done.getCount(); k > 0; k--) {
                run.error("unfinished");
            }
        }
        return run;
    }

    /** Closed loop: {@code clients} threads, each sending its next request when the previous one is answered. */
    static Run closedLoop(String name, int clients, Duration duration, Supplier<Signed> applicants,
                          Function<Signed, String> decideOne) throws Exception {
        var run = new Run(name, 2_000_000);
        var pool = Executors.newFixedThreadPool(clients, named(name.equals("Youfu") ? "load-client" : "caller"));
        run.start();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    var next = applicants.get();
                    if (next == null) {
                        run.error("out of fresh applicants");
                        break;
                    }
                    var who = next.resident();
                    long s = System.nanoTime();
                    String decision;
                    try {
                        decision = decideOne.apply(next);
                    } catch (RuntimeException e) {
                        run.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                        continue;
                    }
                    if (decision == null) {
                        run.error("no decision");
                    } else {
                        run.ok(System.nanoTime() - s, decision, who.kind().expected);
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get(duration.toSeconds() + REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        }
        run.stop(start);
        pool.shutdown();
        return run;
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}...: the load generator's are told apart by name. */
    static java.util.concurrent.ThreadFactory named(String prefix) {
        var next = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + "-" + next.incrementAndGet());
    }

    /** One application over HTTP, synchronously: its decision, or an exception naming the HTTP status. */
    Function<Signed, String> youfuOne() {
        return who -> {
            var response = exchange(application(who.token()));
            var decision = decisionOf(response);
            if (decision == null) {
                throw new IllegalStateException("HTTP " + response.status());
            }
            return decision;
        };
    }

    // ---------------------------------------------------------------------------------------------------------

    List<Resident> pickResidents(LocalDate today) {
        var residents = new ArrayList<Resident>();
        for (var kind : Kind.values()) {
            var found = jdbc.sql("SELECT p.id_number, p.name FROM sources.population p WHERE p.alive AND "
                            + kind.where + " ORDER BY md5(p.id_number) LIMIT :n")
                    .param("cutoff", java.sql.Date.valueOf(today.minusYears(60)))
                    .param("adult", java.sql.Date.valueOf(today.minusYears(18)))
                    .param("today", java.sql.Date.valueOf(today))
                    .param("n", kind.count)
                    .query((rs, n) -> new Resident(rs.getString(1), rs.getString(2), kind)).list();
            assertThat(found).as("residents of kind %s", kind).hasSize(kind.count);
            residents.addAll(found);
        }
        // Interleave the kinds, so that every stretch of the run has the same mix.
        residents.sort(Comparator.comparing(r -> Integer.toHexString(r.id().hashCode())));
        return residents;
    }

    @Test
    void decisionsPerSecond() throws Exception {
        var today = LocalDate.now(CHINA);
        stats = jdbc;
        http = loadGenerator();
        var out = new StringBuilder();
        // Residents of each kind, signed in once (4 at a time: the sign-in checks a BCrypt hash).
        long t0 = System.nanoTime();
        var residents = pickResidents(today);
        var signIns = Executors.newFixedThreadPool(4);
        var futures = residents.stream().map(r -> signIns.submit(() -> new Signed(r, signIn(r.id())))).toList();
        var signed = new ArrayList<Signed>();
        for (var f : futures) {
            signed.add(f.get());
        }
        signIns.shutdown();
        System.out.printf("%n%d residents signed in in %.1f s%n", signed.size(), (System.nanoTime() - t0) / 1e9);

        // Flowable: same JVM, same PostgreSQL, own schema and pool.
        t0 = System.nanoTime();
        var flowable = new FlowableElderlyCard(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource,
                dataSource.getMaximumPoolSize());
        System.out.printf("Flowable engine built and deployed in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
                flowable.settings());
        try {
            // Both reach the same decision: Flowable first (it reads only), then Youfu, two of each kind.
            var byKind = new TreeMap<Kind, List<Signed>>();
            signed.forEach(s -> byKind.computeIfAbsent(s.resident().kind(), k -> new ArrayList<>()).add(s));
            for (var entry : byKind.entrySet()) {
                for (var s : entry.getValue().subList(0, 2)) {
                    var r = s.resident();
                    var byFlowable = flowable.decide(r.id(), r.name());
                    var byYoufu = decisionOf(exchange(application(s.token())));
                    System.out.printf("  %s %s: Youfu %s, Flowable %s%n", r.kind(), r.id(), byYoufu, byFlowable);
                    assertThat(byYoufu).as("Youfu for %s (%s)", r.id(), r.kind()).isEqualTo(r.kind().expected);
                    assertThat(byFlowable).as("Flowable for %s (%s)", r.id(), r.kind()).isEqualTo(byYoufu);
                }
            }
            // The referrals Youfu makes for these (ApprovalIntegrationTest), by Flowable's table.
            assertThat(flowable.decide("350102198001010134", "李明")).as("not in the registry")
                    .isEqualTo("MANUAL_REVIEW");
            assertThat(flowable.decide("350104196505200111", "林春升")).as("name differs")
                    .isEqualTo("MANUAL_REVIEW");
            assertThat(flowable.decide("350102194807070920", "陈淑芬")).as("deceased")
                    .isEqualTo("MANUAL_REVIEW");

            // Youfu over HTTP.
            t0 = System.nanoTime();
            var fresh = new java.util.EnumMap<Kind, Queue<Signed>>(Kind.class);
            fresh.put(Kind.ELIGIBLE_HUKOU, freshApplicants(Kind.ELIGIBLE_HUKOU, FRESH_HUKOU, 900, today));
            fresh.put(Kind.ELIGIBLE_PERMIT, freshApplicants(Kind.ELIGIBLE_PERMIT, FRESH_PERMIT, 900, today));
            System.out.printf("Fresh eligible applicants: %,d with Fuzhou hukou, %,d with a permit, in %.1f s%n",
                    fresh.get(Kind.ELIGIBLE_HUKOU).size(), fresh.get(Kind.ELIGIBLE_PERMIT).size(),
                    (System.nanoTime() - t0) / 1e9);
            var applicants = youfuApplicants(signed, fresh);
            var youfuWarmUp = warmUp("Youfu", applicants, youfuOne(),
                    () -> openLoop(applicants, SUSTAINED_RATE, WARM_UP_ROUND));
            Thread.sleep(1000);
            var open = openLoop(applicants, OPEN_RATE, OPEN_FOR);
            Thread.sleep(2000);
            var youfu8 = youfuClosed(applicants, 8);
            Thread.sleep(2000);
            var youfu16 = youfuClosed(applicants, 16);
            Thread.sleep(2000);
            var sustained = openLoop(applicants, SUSTAINED_RATE, SUSTAINED_FOR);
            Thread.sleep(2000);

            // Flowable through its Java API.
            Function<Signed, String> flowableOne = s -> flowable.decide(s.resident().id(), s.resident().name());
            var flowableWarmUp = warmUp("Flowable", cycle(signed), flowableOne, null);
            Thread.sleep(1000);
            var flowable1 = closedLoop("Flowable 7", 1, FLOWABLE_FOR, cycle(signed), flowableOne);
            var flowable8 = closedLoop("Flowable 7", 8, FLOWABLE_FOR, cycle(signed), flowableOne);
            var flowable16 = closedLoop("Flowable 7", 16, FLOWABLE_FOR, cycle(signed), flowableOne);

            var youfuHow = "HTTP, case + ledger" + (open.approvedWithCertificate.sum() > 0 ? " + certificate" : "");
            var flowableHow = "Java API (no HTTP, case, ledger, certificate)";
            out.append("\n| system | how, load | decisions | rate | p50 ms | p90 ms | p99 ms | max ms | errors | CPU ms/decision (JVM + PostgreSQL) |\n");
            out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            out.append(open.row(youfuHow, "open loop " + OPEN_RATE + "/s, " + OPEN_FOR.toSeconds() + " s"))
                    .append('\n');
            out.append(youfu8.row(youfuHow, "closed loop 8 clients, " + CLOSED_FOR.toSeconds() + " s"))
                    .append('\n');
            out.append(youfu16.row(youfuHow, "closed loop 16 clients, " + CLOSED_FOR.toSeconds() + " s"))
                    .append('\n');
            out.append(sustained.row(youfuHow, "open loop " + SUSTAINED_RATE + "/s, " + SUSTAINED_FOR.toSeconds()
                    + " s")).append('\n');
            out.append(flowable1.row(flowableHow, "1 thread, " + FLOWABLE_FOR.toSeconds() + " s")).append('\n');
            out.append(flowable8.row(flowableHow, "8 threads, " + FLOWABLE_FOR.toSeconds() + " s")).append('\n');
            out.append(flowable16.row(flowableHow, "16 threads, " + FLOWABLE_FOR.toSeconds() + " s"))
                    .append('\n');
            out.append("\n| Youfu / Flowable | 8 concurrent | 16 concurrent |\n|---|---:|---:|\n");
            out.append("| throughput (decisions/s) | %.2f | %.2f |%n".formatted(youfu8.rate() / flowable8.rate(),
                    youfu16.rate() / flowable16.rate()));
            out.append("| p50 latency | %.2f | %.2f |%n".formatted(
                    youfu8.percentileMs(0.5) / flowable8.percentileMs(0.5),
                    youfu16.percentileMs(0.5) / flowable16.percentileMs(0.5)));
            out.append("\nDecision mix: Youfu open loop: %s; Youfu 16: %s; Flowable 16: %s.%n".formatted(
                    open.mix(), youfu16.mix(), flowable16.mix()));
            long approved = open.decisions.getOrDefault("APPROVED", new LongAdder()).sum();
            out.append("Approvals with a certificate in the answer (open loop): %d of %d.%n".formatted(
                    open.approvedWithCertificate.sum(), approved));
            var labels = List.of("Youfu open loop " + OPEN_RATE, "Youfu 8", "Youfu 16",
                    "Youfu open loop " + SUSTAINED_RATE, "Flowable 1", "Flowable 8", "Flowable 16");
            var runs = List.of(open, youfu8, youfu16, sustained, flowable1, flowable8, flowable16);
            for (int k = 0; k < runs.size(); k++) {
                var run = runs.get(k);
                out.append("During %s: %d garbage collections, %d ms; JIT compilers' CPU %,d ms; per decision: %s%s.%n"
                        .formatted(labels.get(k), run.collections, run.collectionMillis, run.compileMillis,
                                run.walPerDecision(), k < 4 ? ", load generator's CPU %.2f ms".formatted(
                                        1000 * run.loadCpu / run.decided()) : ""));
                if (run.errors.sum() > 0) {
                    out.append("Errors in %s: %s.%n".formatted(labels.get(k), run.errorKinds));
                }
                if (run.unexpected.sum() > 0) {
                    out.append("%s: %,d decisions differ from the resident's expected one (%s).%n".formatted(
                            labels.get(k), run.unexpected.sum(), run.mix()));
                    if (run.unexpectedSample != null) {
                        out.append("  first of them: ").append(run.unexpectedSample).append('\n');
                    }
                }
            }
            out.append(("%nThe open loop at %d/s, second by second:%n%n| second | answered | errors | in flight "
                    + "| JVM cores | PostgreSQL cores | JIT ms | steal ms | autovacuum on | ledger entries sealed |%n"
                    + "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|")
                    .formatted(SUSTAINED_RATE)).append(sustained.timeline).append("\n\n");
            // Held: every request of the run answered with a decision, and all of them within 1 % of the run's time.
            boolean held = sustained.errors.sum() == 0 && sustained.rate() >= 0.99 * SUSTAINED_RATE;
            out.append(("Goals: p99 at %d/s = %.1f ms (goal < 100 ms): %s; %d decisions/s for %d s: %,.0f/s "
                    + "achieved, %d errors, p99 %.1f ms (goal: at least 500/s sustained): %s; best closed loop "
                    + "%,.0f/s.%n").formatted(OPEN_RATE, open.percentileMs(0.99),
                    open.percentileMs(0.99) < 100 ? "met" : "NOT met", SUSTAINED_RATE, SUSTAINED_FOR.toSeconds(),
                    sustained.rate(), sustained.errors.sum(), sustained.percentileMs(0.99),
                    held ? "met" : "NOT met", Math.max(youfu8.rate(), youfu16.rate())));
            out.append("Warm-up (rounds of 8 at a time, for Youfu each followed by one at %d/s, until the JIT compiled less than %.0f %% of a core): %s; %s.%n"
                    .formatted(SUSTAINED_RATE, 100 * SETTLED_COMPILE_SHARE, youfuWarmUp, flowableWarmUp));
            out.append("Flowable was measured WITHOUT HTTP, WITHOUT a case, ledger or certificate: favourably.\n");
            out.append("CPU per decision: this JVM's CPU time (for Youfu it includes the HTTP load generator, whose "
                    + "threads' share is given above) and the embedded PostgreSQL's, divided by the decisions of "
                    + "the run.\n");
            out.append("Machine: %d processors (load average at the end: %s); collectors: %s.%n".formatted(
                    Runtime.getRuntime().availableProcessors(), BenchmarkCpu.loadAverage(),
                    java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(java.lang.management.MemoryManagerMXBean::getName).toList()));
            System.out.println(out);
        } finally {
            flowable.close();
            http.close(CloseMode.GRACEFUL);
        }
    }

    /**
     * Warm-up rounds until the JIT has settled (see {@link #WARM_UP_ROUND}); "what: how it went", for the table.
     *
     * @param peak null, or a round at the peak rate after each steady one (errors allowed), so that the paths of a
     *             busy server (503 answers, more connections and threads) are compiled before the measured runs too
     */
    static String warmUp(String what, Supplier<Signed> applicants, Function<Signed, String> decideOne,
                         java.util.concurrent.Callable<Run> peak) throws Exception {
        long start = System.nanoTime();
        int decisions = 0;
        long peakErrors = 0;
        long compiling;
        double roundSeconds;
        double seconds;
        do {
            var round = closedLoop("warm-up", 8, WARM_UP_ROUND, applicants, decideOne);
            assertThat(round.errors.sum()).as("%s warm-up errors: %s", what, round.errorKinds).isZero();
            decisions += round.decided();
            compiling = round.compileMillis;
            roundSeconds = round.seconds;
            if (peak != null) {
                var burst = peak.call();
                decisions += burst.decided();
                peakErrors += burst.errors.sum();
                compiling += burst.compileMillis;
                roundSeconds += burst.seconds;
            }
            seconds = (System.nanoTime() - start) / 1e9;
        } while (seconds < WARM_UP_MAX.toSeconds() && (seconds < WARM_UP_MIN.toSeconds()
                || compiling > SETTLED_COMPILE_SHARE * 1000 * roundSeconds));
        var summary = "%s: %,d decisions in %.0f s%s, JIT compilers' CPU in the last %.0f s: %,d ms".formatted(what,
                decisions, seconds, peak == null ? "" : " (%,d errors in the peak rounds)".formatted(peakErrors),
                roundSeconds, compiling);
        System.out.println("Warmed up: " + summary);
        return summary;
    }

    Run youfuClosed(Supplier<Signed> applicants, int clients) throws Exception {
        return closedLoop("Youfu", clients, CLOSED_FOR, applicants, youfuOne());
    }

    /** The residents in turn, over and over: for Flowable, whose decisions change nothing. */
    static Supplier<Signed> cycle(List<Signed> residents) {
        var counter = new AtomicInteger();
        return () -> residents.get(Math.floorMod(counter.getAndIncrement(), residents.size()));
    }

    /**
     * The residents in turn, except that each turn of an eligible one goes to a fresh eligible applicant of the same
     * kind: Youfu counts the cards it issued, so an approved resident is refused the next time (null when the fresh
     * ones have run out).
     */
    static Supplier<Signed> youfuApplicants(List<Signed> residents, Map<Kind, Queue<Signed>> fresh) {
        var turn = cycle(residents);
        return () -> {
            var next = turn.get();
            var pool = fresh.get(next.resident().kind());
            return pool == null ? next : pool.poll();
        };
    }

    /**
     * {@code count} applicants of an eligible kind who exist nowhere else: added to the population registry (aged
     * 61-89, hukou in Gulou or a valid Gulou residence permit with hukou in Nanchang), no licence held, each with a
     * token of the demo identity provider minted in this JVM (signing in through BCrypt would take minutes).
     */
    Queue<Signed> freshApplicants(Kind kind, int count, int firstSequence, LocalDate today) throws Exception {
        boolean permit = kind == Kind.ELIGIBLE_PERMIT;
        String division = permit ? "360102" : "350102";
        var ids = new ArrayList<String>(count);
        var names = new ArrayList<String>(count);
        var births = new ArrayList<String>(count);
        String[] surnames = {"林", "陈", "黄", "张", "王", "李", "郑", "吴"};
        String[] givens = {"福生", "秀英", "建国", "玉兰", "春华", "德明", "美珍", "志强"};
        var oldest = today.minusYears(89);
        for (int k = 0; k < count; k++) {
            var birth = oldest.plusDays(k % 10_000);
            var first17 = division + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + (firstSequence + k / 10_000);
            ids.add(first17 + cn.youfu.platform.ResidentId.checkCharacter(first17));
            names.add(surnames[k % surnames.length] + givens[(k / surnames.length) % givens.length]);
            births.add(birth.toString());
        }
        jdbc.sql("""
                        INSERT INTO sources.population (id_number, name, birth_date, hukou_division, alive,
                            residence_permit_division, residence_permit_expiry)
                        SELECT id, name, birth::date, :division, true, :permitDivision, :permitExpiry
                        FROM unnest(:ids::text[], :names::text[], :births::text[]) AS t(id, name, birth)
                        ON CONFLICT (id_number) DO NOTHING""")
                .param("division", division)
                .param("permitDivision", permit ? "350102" : null)
                .param("permitExpiry", permit ? java.sql.Date.valueOf(today.plusYears(1)) : null,
                        java.sql.Types.DATE)
                .param("ids", ids.toArray(String[]::new)).param("names", names.toArray(String[]::new))
                .param("births", births.toArray(String[]::new))
                .update();
        // Only those that are as made (an ID number the city had already keeps its own record) and hold nothing.
        var usable = jdbc.sql("""
                        SELECT p.id_number, p.name FROM sources.population p WHERE p.id_number = ANY (:ids::text[])
                        AND p.hukou_division = :division AND p.alive AND p.birth_date <= :cutoff
                        AND NOT EXISTS (SELECT 1 FROM sources.e_licence l WHERE l.holder_id = p.id_number)""")
                .param("ids", ids.toArray(String[]::new)).param("division", division)
                .param("cutoff", java.sql.Date.valueOf(today.minusYears(60)))
                .query((rs, n) -> new Resident(rs.getString(1), rs.getString(2), kind)).list();
        var tokens = new java.util.concurrent.ConcurrentLinkedQueue<Signed>();
        var mint = Executors.newFixedThreadPool(2);
        for (var resident : usable) {
            mint.submit(() -> tokens.add(new Signed(resident, cn.youfu.identity.internal.TestTokens.bearer(context,
                    resident.id(), resident.name(), cn.youfu.identity.Role.APPLICANT, resident.id())
                    .substring("Bearer ".length()))));
        }
        mint.shutdown();
        assertThat(mint.awaitTermination(10, TimeUnit.MINUTES)).as("tokens minted").isTrue();
        return tokens;
    }

}
