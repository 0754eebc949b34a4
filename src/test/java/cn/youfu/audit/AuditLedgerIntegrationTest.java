package cn.youfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.VerificationReport.Finding;
import cn.youfu.audit.internal.CheckpointSealer;
import cn.youfu.audit.internal.LedgerHashes;
import cn.youfu.audit.internal.LedgerVerifier;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger end to end: actions published as events inside transactions, sealed into a checkpoint, and every kind
 * of tampering found by verification.
 *
 * <p>Isolation: each test records into streams of its own. A tampering test disables the append-only triggers,
 * changes rows and runs the verifier on one connection inside one transaction, then rolls it all back (PostgreSQL's
 * DDL is transactional, so the triggers come back too). Other tests never see the change, and the shared ledger is
 * verified clean again afterwards; the verdict is about the whole ledger, which is clean apart from the change.
 */
@YoufuIntegrationTest
class AuditLedgerIntegrationTest {

    record Step(int step, String note) {
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
    LedgerVerifier verifier;
    /** The schema owner's connections: only the owner may lock the ledger's table or turn its triggers off. */
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void actionsFormAHashChainInOrder() {
        String stream = record("chain", 3);
        var entries = ledger.entries(stream);
        assertThat(entries).extracting(LedgerEntry::sequence).containsExactly(1, 2, 3);
        assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).entryHash());
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).entryHash());
        assertThat(entries.get(0).actor()).isEqualTo("officer");
        assertThat(entries.get(0).action()).isEqualTo("case.step");
        assertThat(entries.get(0).payload()).isEqualTo("{\"step\":1,\"note\":\"受理\"}");
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void severalActionsInOneTransactionChainInOrder() {
        String stream = record("one-transaction", 1);
        transaction.executeWithoutResult(status -> {
            for (int step = 2; step <= 4; step++) {
                events.publishEvent(action(stream, "officer", step));
            }
        });
        var entries = ledger.entries(stream);
        assertThat(entries).extracting(LedgerEntry::sequence).containsExactly(1, 2, 3, 4);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).entryHash());
        }
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void anAppendByAnotherInstanceIsFollowedNotForked() {
        // This instance remembers the tip it appended (sequence 2); another instance on the same database then
        // appends sequence 3. The next append here must chain to 3, not to the tip it remembers.
        String stream = record("other-instance", 2);
        var tip = ledger.entries(stream).get(1);
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var hashes = new LedgerHashes();
        String payload = "{\"step\":3,\"note\":\"another instance\"}";
        byte[] payloadHash = hashes.payloadHash(payload);
        byte[] previous = java.util.HexFormat.of().parseHex(tip.entryHash());
        byte[] entryHash = hashes.entryHash(stream, 3, "other", "case.step", LedgerHashes.micros(at), payloadHash,
                previous);
        jdbc.sql(insert(null, stream, 3, "other", "case.step", at, payload, payloadHash, previous, entryHash))
                .update();
        record(stream, 1);
        var entries = ledger.entries(stream);
        assertThat(entries).extracting(LedgerEntry::sequence).containsExactly(1, 2, 3, 4);
        assertThat(entries.get(3).previousHash()).isEqualTo(entries.get(2).entryHash());
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void aRolledBackAppendIsNotRememberedAsTheTip() {
        String stream = record("rolled-back-tip", 1);
        transaction.executeWithoutResult(status -> {
            events.publishEvent(action(stream, "officer", 2));
            status.setRollbackOnly();
        });
        record(stream, 1);
        assertThat(ledger.entries(stream)).extracting(LedgerEntry::sequence).containsExactly(1, 2);
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void aRolledBackPublisherLeavesNoEntry() {
        String stream = stream("rollback");
        transaction.executeWithoutResult(status -> {
            events.publishEvent(action(stream, "officer", 1));
            status.setRollbackOnly();
        });
        assertThat(ledger.entries(stream)).isEmpty();
        record(stream, 1);
        assertThat(ledger.entries(stream)).extracting(LedgerEntry::sequence).containsExactly(1);
    }

    @Test
    void aConcurrentAppendToTheSameStreamWaitsAndChainsAfterTheFirst() throws Exception {
        String stream = stream("race");
        var firstWritten = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = appendAndHoldOpen(pool, stream, firstWritten, release);
            assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> transaction.executeWithoutResult(status ->
                    events.publishEvent(action(stream, "second", 1))));
            // The second waits for the stream's lock, which the first holds until it commits.
            awaitAnAppendWaitingOnALock();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(ledger.entries(stream)).extracting(LedgerEntry::sequence, LedgerEntry::actor)
                .containsExactly(tuple(1, "first"), tuple(2, "second"));
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void appendsToDifferentStreamsDoNotWaitForEachOther() throws Exception {
        String held = stream("held");
        String other = stream("other");
        var firstWritten = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = appendAndHoldOpen(pool, held, firstWritten, release);
            assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();
            pool.submit(() -> record(other, 1)).get(10, TimeUnit.SECONDS); // would time out if it waited
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(ledger.entries(other)).hasSize(1);
    }

    @Test
    void appendsOfOneTransactionChainInOrderAndAfterWhatOthersCommittedMeanwhile() throws Exception {
        String stream = stream("late");
        var published = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var first = pool.submit(() -> transaction.executeWithoutResult(status -> {
                events.publishEvent(action(stream, "first", 1));
                events.publishEvent(action(stream, "first", 2));
                published.countDown();
                await(release);
            }));
            assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
            record(stream, 1); // commits while the first is still open: the first's entries come after it
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(ledger.entries(stream)).extracting(LedgerEntry::sequence, LedgerEntry::actor)
                .containsExactly(tuple(1, "officer"), tuple(2, "first"), tuple(3, "first"));
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void theDatabaseRefusesAnEntryWithoutAStreamASequenceOrWellFormedHashes() {
        byte[] hash = new byte[32];
        var now = Instant.now();
        String stream = "test/" + UUID.randomUUID();
        for (String bad : List.of(
                insert(null, "", 1, "t", "a", now, "{}", hash, hash, hash),
                insert(null, stream, 0, "t", "a", now, "{}", hash, hash, hash),
                insert(null, stream, 1, "t", "a", now, "{}", new byte[31], hash, hash),
                insert(null, stream, 1, "t", "a", now, "{}", hash, new byte[33], hash),
                insert(null, stream, 1, "t", "a", now, "{}", hash, hash, new byte[0]))) {
            assertThatThrownBy(() -> jdbc.sql(bad).update()).as(bad)
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                    .extracting(e -> ((SQLException) ((Exception) e).getCause()).getSQLState())
                    .isEqualTo("23514"); // check_violation
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ?").param(stream).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aCheckpointSealsEveryEntrySinceTheLastOne() {
        String stream = record("seal", 3);
        var sealed = sealer.seal();
        long last = lastId(stream);
        var checkpoint = checkpointCovering(last);
        assertThat(jdbc.sql("SELECT last_entry_id >= ? FROM audit.checkpoint WHERE id = ?").params(last, checkpoint)
                .query(Boolean.class).single()).isTrue();
        sealed.ifPresent(s -> assertThat(s.entryCount()).isPositive());
        assertThat(sealer.seal()).isEmpty(); // nothing new
        var report = ledger.verify();
        assertThat(report.ok()).isTrue();
        assertThat(report.checkpoints()).isPositive();
        assertThat(report.firstBad()).isNull();
    }

    /** An append whose transaction is still open when the sealer looks is waited for and sealed, never skipped. */
    @Test
    void sealingWaitsForAnAppendInFlightAndSealsIt() throws Exception {
        String stream = stream("in-flight");
        var written = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var append = appendAndHoldOpen(pool, stream, written, release);
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            var seal = pool.submit(sealer::seal);
            awaitABackendWaitingOnALock("", "the sealer never waited for the append in flight");
            assertThat(seal).isNotDone();
            release.countDown();
            append.get(10, TimeUnit.SECONDS);
            seal.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        checkpointCovering(lastId(stream));
        assertThat(ledger.verify().ok()).isTrue();
    }

    /**
     * A vacuum or analyze of the ledger (autovacuum's, here stood in for by the lock they take) holds up neither the
     * sealer nor the appends: a lock on the table made the sealer wait for it, and every append wait behind the
     * sealer, until autovacuum gave way a second later.
     */
    @Test
    void sealingIsNotHeldUpByAVacuumOfTheLedger() throws Exception {
        String stream = record("vacuumed", 1);
        var pool = Executors.newSingleThreadExecutor();
        try (var vacuum = ownerDataSource.getConnection()) {
            vacuum.setAutoCommit(false);
            try (var statement = vacuum.createStatement()) {
                statement.execute("LOCK TABLE audit.entry IN SHARE UPDATE EXCLUSIVE MODE"); // VACUUM's and ANALYZE's
            }
            try {
                pool.submit(sealer::seal).get(5, TimeUnit.SECONDS);
                pool.submit(() -> record(stream, 1)).get(5, TimeUnit.SECONDS);
            } finally {
                vacuum.rollback();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.entries(stream)).hasSize(2);
        checkpointCovering(ledger.entries(stream).get(0).id());
    }

    @Test
    void analteredPayloadIsFound() throws SQLException {
        String stream = recordAndSeal("payload", 3);
        var report = verifyAfter("UPDATE audit.entry SET payload = '{\"note\":\"不予受理\",\"step\":2}' WHERE "
                + at(stream, 2));
        assertEntry(report, stream, 2, "payload hash mismatch");
    }

    @Test
    void anAlteredActorIsFound() throws SQLException {
        String stream = recordAndSeal("actor", 3);
        var report = verifyAfter("UPDATE audit.entry SET actor = 'supervisor' WHERE " + at(stream, 2));
        assertEntry(report, stream, 2, "entry hash mismatch");
    }

    @Test
    void anEntryDeletedFromTheMiddleOfAChainIsFound() throws SQLException {
        String stream = recordAndSeal("delete-middle", 3);
        var report = verifyAfter("DELETE FROM audit.entry WHERE " + at(stream, 2));
        assertEntry(report, stream, 3, "sequence gap: expected 2");
    }

    @Test
    void theLastEntryOfASealedChainDeletedIsFoundByItsCheckpoint() throws SQLException {
        String stream = recordAndSeal("delete-last", 3);
        long checkpoint = checkpointCovering(lastId(stream));
        var report = verifyAfter("DELETE FROM audit.entry WHERE " + at(stream, 3));
        assertCheckpoint(report, checkpoint, "entry count mismatch");
    }

    @Test
    void reorderedEntriesAreFound() throws SQLException {
        String stream = recordAndSeal("reorder", 3);
        // Swap the sequence numbers of entries 1 and 2 (in three steps: the unique key is checked row by row).
        var report = verifyAfter(
                "UPDATE audit.entry SET seq = 1000 WHERE " + at(stream, 1),
                "UPDATE audit.entry SET seq = 1 WHERE " + at(stream, 2),
                "UPDATE audit.entry SET seq = 2 WHERE " + at(stream, 1000));
        assertEntry(report, stream, 2, "sequence gap: expected 1");
    }

    @Test
    void aForgedEntryAppendedToAChainIsFound() throws SQLException {
        String stream = recordAndSeal("forged-append", 2);
        // The forger computes correct payload and entry hashes but cannot know the chain: prev_hash is made up.
        var hashes = new LedgerHashes();
        String payload = "{\"note\":\"准予许可\",\"step\":3}";
        byte[] payloadHash = hashes.payloadHash(payload);
        byte[] madeUp = hashes.sm3(new byte[] {42});
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] entryHash = hashes.entryHash(stream, 3, "officer", "case.decided", LedgerHashes.micros(at),
                payloadHash, madeUp);
        var report = verifyAfter(insert(null, stream, 3, "officer", "case.decided", at, payload, payloadHash,
                madeUp, entryHash));
        assertEntry(report, stream, 3, "chain link broken");
    }

    @Test
    void aForgedEntryWithAValidChainSlippedIntoASealedRangeIsFoundByItsCheckpoint() throws SQLException {
        String stream = record("forged-sealed", 2);
        // An append that lost a race to the same sequence number leaves an unused id inside the range the next
        // checkpoint seals.
        long unusedId = jdbc.sql("SELECT nextval('audit.entry_id_seq')").query(Long.class).single();
        record(stream, 1);
        sealer.seal();
        long checkpoint = checkpointCovering(unusedId);
        // The forger writes a perfectly chained first entry of a new case into that id.
        String forged = stream("forged-case");
        var hashes = new LedgerHashes();
        String payload = "{\"note\":\"补录\"}";
        byte[] payloadHash = hashes.payloadHash(payload);
        var at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        byte[] entryHash = hashes.entryHash(forged, 1, "officer", "case.created", LedgerHashes.micros(at),
                payloadHash, LedgerHashes.GENESIS);
        var report = verifyAfter(insert(unusedId, forged, 1, "officer", "case.created", at, payload, payloadHash,
                LedgerHashes.GENESIS, entryHash));
        assertCheckpoint(report, checkpoint, "entry count mismatch");
    }

    @Test
    void aSealedEntryRewrittenWithAValidChainIsFoundByTheMerkleRoot() throws SQLException {
        String stream = recordAndSeal("rewrite", 3);
        long checkpoint = checkpointCovering(lastId(stream));
        var last = ledger.entries(stream).get(2);
        var hashes = new LedgerHashes();
        String payload = "{\"note\":\"不予处罚\",\"step\":3}";
        byte[] payloadHash = hashes.payloadHash(payload);
        byte[] previous = java.util.HexFormat.of().parseHex(last.previousHash());
        byte[] entryHash = hashes.entryHash(stream, 3, last.actor(), last.action(), LedgerHashes.micros(last.at()),
                payloadHash, previous);
        var report = verifyAfter("DELETE FROM audit.entry WHERE id = " + last.id(),
                insert(last.id(), stream, 3, last.actor(), last.action(), last.at(), payload, payloadHash, previous,
                        entryHash));
        assertCheckpoint(report, checkpoint, "merkle root mismatch");
    }

    @Test
    void anAlteredCheckpointRootIsFound() throws SQLException {
        String stream = recordAndSeal("root", 2);
        long checkpoint = checkpointCovering(lastId(stream));
        var report = verifyAfter("UPDATE audit.checkpoint SET merkle_root = sha256('forged') WHERE id = " + checkpoint);
        assertCheckpoint(report, checkpoint, "merkle root mismatch");
    }

    @Test
    void anAlteredSignatureIsFound() throws SQLException {
        String stream = recordAndSeal("signature", 2);
        long checkpoint = checkpointCovering(lastId(stream));
        var report = verifyAfter("""
                UPDATE audit.checkpoint
                SET signature = set_byte(signature, length(signature) - 1,
                                         (get_byte(signature, length(signature) - 1) + 1) % 256)
                WHERE id = """ + checkpoint);
        assertCheckpoint(report, checkpoint, "signature invalid");
    }

    @Test
    void theVerifyEndpointAnswersSupervisorsAndAdministratorsOnly() throws Exception {
        record("api", 2);
        sealer.seal();
        for (String user : List.of("admin", "supervisor")) {
            mvc.perform(get("/api/v1/audit/verify").header("Authorization", Api.bearer(mvc, user)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(true))
                    .andExpect(jsonPath("$.entries").isNumber())
                    .andExpect(jsonPath("$.checkpoints").isNumber())
                    .andExpect(jsonPath("$.firstBad").doesNotExist());
        }
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", Api.bearer(mvc, "officer")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:forbidden"));
        mvc.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:unauthenticated"));
    }

    @Test
    void theStreamEndpointGivesACasesTimeline() throws Exception {
        String stream = record("timeline", 2);
        mvc.perform(get("/api/v1/audit/streams/{stream}", stream).header("Authorization", Api.bearer(mvc, "supervisor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].stream").value(stream))
                .andExpect(jsonPath("$[0].sequence").value(1))
                .andExpect(jsonPath("$[1].payload.note").value("受理"))
                .andExpect(jsonPath("$[1].entryHash").isString());
        mvc.perform(get("/api/v1/audit/streams/{stream}", stream("none")).header("Authorization",
                        Api.bearer(mvc, "admin")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:audit-stream-unknown"));
        mvc.perform(get("/api/v1/audit/streams/{stream}", stream).header("Authorization", Api.bearer(mvc, "officer")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/streams/{stream}", stream)).andExpect(status().isUnauthorized());
    }

    // --- helpers

    private static String stream(String name) {
        return "TEST-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TestAction action(String stream, String actor, int step) {
        return new TestAction(stream, actor, "case.step", Instant.now(), new Step(step, "受理"));
    }

    /** Records {@code count} actions on a new stream named after {@code name}, each in a transaction of its own. */
    private String record(String name, int count) {
        String stream = name.startsWith("TEST-") ? name : stream(name);
        int first = ledger.entries(stream).size() + 1;
        for (int step = first; step < first + count; step++) {
            action(stream, "officer", step).publishIn(transaction, events);
        }
        return stream;
    }

    private String recordAndSeal(String name, int count) {
        String stream = record(name, count);
        sealer.seal();
        assertThat(ledger.verify().ok()).as("the ledger is clean before tampering").isTrue();
        return stream;
    }

    private long lastId(String stream) {
        var entries = ledger.entries(stream);
        return entries.get(entries.size() - 1).id();
    }

    private long checkpointCovering(long entryId) {
        return jdbc.sql("SELECT id FROM audit.checkpoint WHERE after_entry_id < ? AND last_entry_id >= ?")
                .params(entryId, entryId).query(Long.class).single();
    }

    private static String at(String stream, int seq) {
        return "stream = '" + stream + "' AND seq = " + seq;
    }

    private static String insert(Long id, String stream, int seq, String actor, String action, Instant at,
                                 String payload, byte[] payloadHash, byte[] previousHash, byte[] entryHash) {
        return "INSERT INTO audit.entry (" + (id == null ? "" : "id, ")
                + "stream, seq, actor, action, at, payload, payload_hash, prev_hash, entry_hash) VALUES ("
                + (id == null ? "" : id + ", ") + "'" + stream + "', " + seq + ", '" + actor + "', '" + action
                + "', '" + at + "', '" + payload + "', '\\x" + LedgerHashes.hex(payloadHash) + "', '\\x"
                + LedgerHashes.hex(previousHash) + "', '\\x" + LedgerHashes.hex(entryHash) + "')";
    }

    /**
     * Tampers as a database owner would (triggers off), verifies on the same connection, and rolls everything back.
     */
    private VerificationReport verifyAfter(String... statements) throws SQLException {
        VerificationReport report;
        try (var connection = ownerDataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE audit.entry DISABLE TRIGGER entry_append_only");
                statement.execute("ALTER TABLE audit.checkpoint DISABLE TRIGGER checkpoint_append_only");
                for (String sql : statements) {
                    statement.execute(sql);
                }
                report = verifier.verify(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        assertThat(ledger.verify().ok()).as("the rollback restored the ledger").isTrue();
        return report;
    }

    private static void assertEntry(VerificationReport report, String stream, int sequence, String problem) {
        assertThat(report.ok()).isFalse();
        Finding bad = report.firstBad();
        assertThat(bad.caseReference()).isEqualTo(stream);
        assertThat(bad.sequence()).isEqualTo(sequence);
        assertThat(bad.entryId()).isNotNull();
        assertThat(bad.problem()).startsWith(problem);
    }

    private static void assertCheckpoint(VerificationReport report, long checkpoint, String problem) {
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBad().checkpointId()).isEqualTo(checkpoint);
        assertThat(report.firstBad().caseReference()).isNull();
        assertThat(report.firstBad().problem()).startsWith(problem);
    }

    /**
     * Appends one action of "first" to {@code stream} in a transaction that, having written its entry (just before
     * the commit), stays open until {@code release}.
     */
    private Future<?> appendAndHoldOpen(ExecutorService pool, String stream,
                                        CountDownLatch written, CountDownLatch release) {
        return pool.submit(() -> transaction.executeWithoutResult(status -> {
            events.publishEvent(action(stream, "first", 1));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCompletion() {
                    written.countDown();
                    await(release);
                }
            });
        }));
    }

    private void awaitAnAppendWaitingOnALock() throws InterruptedException {
        awaitABackendWaitingOnALock("""
                AND (wait_event = 'advisory' AND query LIKE '%pg_advisory_xact_lock(%'
                     OR query LIKE '%INSERT INTO audit.entry%')""", "the second append never waited for the first");
    }

    /** Waits until another backend waits for a lock (and matches {@code condition}, SQL on pg_stat_activity). */
    private void awaitABackendWaitingOnALock(String condition, String otherwise) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long waiting = jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                            """ + condition)
                    .query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(otherwise);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
