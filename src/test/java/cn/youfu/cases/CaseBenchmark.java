package cn.youfu.cases;

import static cn.youfu.cases.TestActors.OFFICER;
import static cn.youfu.cases.TestActors.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.BenchmarkCpu;
import cn.youfu.audit.Ledger;
import cn.youfu.cases.CaseEngine.OpenCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The case engine's throughput with the ledger on, on a durable embedded PostgreSQL (fsync and synchronous commit
 * on, as {@code mvn spring-boot:run} runs it). Run: {@code mvn -B -q test -Pbenchmark -Dtest=CaseBenchmark}.
 * Prints a table for docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"youfu.mode=demo", "youfu.data-dir=target/benchmark-data", "youfu.db.pool-size=24",
        "youfu.cases.sweep-interval=1h", "youfu.audit.checkpoint-interval=1h"})
class CaseBenchmark {

    static final BenchmarkCpu CPU = new BenchmarkCpu("target/benchmark-data");

    /** Concurrent callers: a few officers at once, then a busy hour's API traffic. */
    static final int[] CALLERS = {8, 32};
    static final int CASES = 3200;
    static final int ROUNDS = 3; // each round: hold-hearing, close-hearing

    static {
        var dir = Path.of("target/benchmark-data");
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }


    @Autowired
    CaseEngine engine;
    @Autowired
    Ledger ledger;
    @Autowired
    MeterRegistry meters;

    record Result(String what, int count, double seconds, long[] micros, double jvmCpu, double pgCpu) {
        /** @param perTransaction the last column: transitions per transaction, or empty */
        String row(String perTransaction) {
            Arrays.sort(micros);
            return "| %s | %,d | %,.0f /s | %.1f ms | %.1f ms | %.2f + %.2f ms | %s |".formatted(what, count,
                    count / seconds, micros[micros.length / 2] / 1000.0, micros[(int) (micros.length * 0.99)] / 1000.0,
                    1000 * jvmCpu / count, 1000 * pgCpu / count, perTransaction);
        }
    }

    Result run(String what, int callers, List<Callable<long[]>> work) throws Exception {
        var pool = Executors.newFixedThreadPool(callers);
        double[] cpu = CPU.now();
        long start = System.nanoTime();
        var futures = new ArrayList<Future<long[]>>();
        work.forEach(w -> futures.add(pool.submit(w)));
        var all = new ArrayList<Long>();
        for (var f : futures) {
            for (long m : f.get()) {
                all.add(m);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuEnd = CPU.now();
        pool.shutdown();
        return new Result(what, all.size(), seconds, all.stream().mapToLong(Long::longValue).toArray(),
                cpuEnd[0] - cpu[0], cpuEnd[1] - cpu[1]);
    }

    /** Opens {@link #CASES} cases and moves each {@link #ROUNDS} times there and back, with {@code callers} threads. */
    void measure(int callers) throws Exception {
        var refs = Collections.synchronizedList(new ArrayList<List<String>>());
        var creations = new ArrayList<Callable<long[]>>();
        int perCaller = CASES / callers;
        for (int t = 0; t < callers; t++) {
            creations.add(() -> {
                var mine = new ArrayList<String>();
                var micros = new long[perCaller];
                for (int i = 0; i < perCaller; i++) {
                    long s = System.nanoTime();
                    mine.add(engine.open(new OpenCase("licensing", "食品经营许可证延续", Map.of("n", i), null, false),
                            RESIDENT, RESIDENT).reference());
                    micros[i] = (System.nanoTime() - s) / 1000;
                }
                refs.add(mine);
                return micros;
            });
        }
        var created = run("case creations (open + ledger), " + callers + " callers", callers, creations);

        var transitions = new ArrayList<Callable<long[]>>();
        for (var mine : refs) {
            transitions.add(() -> {
                var micros = new long[mine.size() * ROUNDS * 2];
                int k = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    for (var ref : mine) {
                        long s = System.nanoTime();
                        engine.take(ref, "hold-hearing", "申请人要求听证", OFFICER);
                        micros[k++] = (System.nanoTime() - s) / 1000;
                        s = System.nanoTime();
                        engine.take(ref, "close-hearing", null, OFFICER);
                        micros[k++] = (System.nanoTime() - s) / 1000;
                    }
                }
                return micros;
            });
        }
        var batches = meters.get("youfu.cases.transitions.per.transaction").summary();
        long transactionsBefore = batches.count();
        double takenBefore = batches.totalAmount();
        var moved = run("transitions (state, clock, ledger), " + callers + " callers", callers, transitions);
        double perTransaction = (batches.totalAmount() - takenBefore) / (batches.count() - transactionsBefore);
        rows.add(created.row(""));
        rows.add(moved.row("%.2f".formatted(perTransaction)));
    }

    final List<String> rows = new ArrayList<>();

    @Test
    void casesPerSecond() throws Exception {
        // Warm-up: compile paths, fill pools.
        for (int i = 0; i < 200; i++) {
            var ref = engine.open(new OpenCase("licensing", "预热", Map.of(), null, false), RESIDENT, RESIDENT)
                    .reference();
            engine.take(ref, "hold-hearing", "听证", OFFICER);
        }
        for (int callers : CALLERS) {
            measure(callers);
        }

        long start = System.nanoTime();
        var report = ledger.verify();
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        assertThat(report.ok()).isTrue();

        System.out.println();
        System.out.println("load average: " + BenchmarkCpu.loadAverage());
        System.out.println("| operation (durable PostgreSQL) | count | rate | p50 | p99 "
                + "| CPU per operation (JVM + PostgreSQL) | transitions per transaction |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.printf("| ledger verification | %,d entries | %,.0f entries/s | | | | |%n", report.entries(),
                report.entries() / verifySeconds);
    }

}
