package cn.youfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.internal.CheckpointSealer;
import cn.youfu.audit.internal.LedgerHashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's throughput on the embedded PostgreSQL (docs/benchmarks.md, "Audit ledger"). Not part of the normal
 * test run; run it with {@code mvn -B -q test -Pbenchmark -Dtest=AuditBenchmark}.
 *
 * <ol>
 *   <li>Appends through the real path (an event published in its own transaction): one thread, then two threads on
 *       different streams.</li>
 *   <li>The ledger is then filled to 1,000,000 entries with valid chains (computed here, loaded with COPY: appending a
 *       million entries one transaction at a time would only measure the same thing for longer), sealed, and
 *       verified twice (cold and warm).</li>
 * </ol>
 */
@Tag("benchmark")
@YoufuIntegrationTest
class AuditBenchmark {

    static final int APPENDS = 5_000;
    static final int TARGET_ENTRIES = 1_000_000;
    static final int ENTRIES_PER_STREAM = 1_000;

    record Step(int step, String note, String department) {
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Ledger ledger;
    @Autowired
    CheckpointSealer sealer;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void appendsSealingAndVerification() throws Exception {
        var rows = new ArrayList<String>();
        appendRate(1); // warm-up: JIT, connection pool, statement caches
        rows.add(row("append, 1 thread (1 entry per transaction)", appendRate(1), "appends/s"));
        rows.add(row("append, 2 threads, different streams", appendRate(2), "appends/s"));

        long existing = count();
        long started = System.nanoTime();
        bulkLoad(TARGET_ENTRIES - existing);
        double loadSeconds = seconds(started);
        rows.add(row("bulk load by COPY (hashes computed in Java)", (TARGET_ENTRIES - existing) / loadSeconds,
                "entries/s"));

        started = System.nanoTime();
        var sealed = sealer.seal().orElseThrow();
        double sealSeconds = seconds(started);
        rows.add(row("seal one checkpoint over " + sealed.entryCount() + " entries", sealed.entryCount() / sealSeconds,
                "entries/s"));

        for (String pass : new String[] {"cold", "warm"}) {
            started = System.nanoTime();
            var report = ledger.verify();
            double verifySeconds = seconds(started);
            assertThat(report.ok()).isTrue();
            assertThat(report.entries()).isGreaterThanOrEqualTo(TARGET_ENTRIES);
            rows.add(row("verify " + report.entries() + " entries, " + report.checkpoints() + " checkpoints ("
                    + pass + ", " + String.format("%.2f s", verifySeconds) + ")", report.entries() / verifySeconds,
                    "entries/s"));
        }

        var table = new StringBuilder("\n| measurement | rate | unit |\n|---|---:|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println(table);
    }

    private double appendRate(int threads) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var jobs = new ArrayList<Callable<Void>>();
            for (int t = 0; t < threads; t++) {
                String prefix = "BENCH-" + threads + "-" + t + "-";
                jobs.add(() -> {
                    for (int i = 0; i < APPENDS; i++) {
                        new TestAction(prefix + (i % 100), "officer", "case.step", Instant.now(),
                                new Step(i, "受理", "fz-approval")).publishIn(transaction, events);
                    }
                    return null;
                });
            }
            long started = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(jobs)) {
                done.get();
            }
            return threads * APPENDS / seconds(started);
        } finally {
            pool.shutdown();
        }
    }

    /** Writes valid chains straight into audit.entry with COPY. */
    private void bulkLoad(long entries) throws Exception {
        var hashes = new LedgerHashes();
        var at = Instant.parse("2026-11-25T08:00:00Z");
        try (var connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY audit.entry (stream, seq, actor, action, at, payload, payload_hash, prev_hash, entry_hash)
                    FROM STDIN""");
            var buffer = new StringBuilder(1 << 20);
            byte[] previous = LedgerHashes.GENESIS;
            for (long n = 0; n < entries; n++) {
                String stream = String.format("FZ-2026-%08d", n / ENTRIES_PER_STREAM);
                int seq = (int) (n % ENTRIES_PER_STREAM) + 1;
                if (seq == 1) {
                    previous = LedgerHashes.GENESIS;
                }
                var when = at.plusMillis(n);
                String payload = "{\"step\":" + seq + ",\"note\":\"受理\",\"department\":\"fz-approval\"}";
                byte[] payloadHash = hashes.payloadHash(payload);
                byte[] entryHash = hashes.entryHash(stream, seq, "officer", "case.step", LedgerHashes.micros(when),
                        payloadHash, previous);
                buffer.append(stream).append('\t').append(seq).append("\tofficer\tcase.step\t")
                        .append(when.atOffset(ZoneOffset.UTC)).append('\t').append(payload)
                        .append("\t\\\\x").append(LedgerHashes.hex(payloadHash))
                        .append("\t\\\\x").append(LedgerHashes.hex(previous))
                        .append("\t\\\\x").append(LedgerHashes.hex(entryHash)).append('\n');
                previous = entryHash;
                if (buffer.length() > (1 << 20) - 1024) {
                    write(copy, buffer);
                }
            }
            write(copy, buffer);
            copy.endCopy();
        }
    }

    private static void write(org.postgresql.copy.CopyIn copy, StringBuilder buffer) throws Exception {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM audit.entry").query(Long.class).single();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String row(String what, double rate, String unit) {
        return String.format("| %s | %,.0f | %s |", what, rate, unit);
    }
}
