package cn.youfu.audit.internal;

import cn.youfu.audit.AuditedAction;
import cn.youfu.platform.CommitBatch;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link AuditedAction} to its stream's hash chain, in the publisher's transaction.
 *
 * <p>The actions of one transaction are collected as they are published (their payload serialised at once) and
 * written just before it commits: one round trip locks every stream they touch and reads each one's last entry, the
 * entry hashes are chained in Java, and one batch inserts them all. A transaction that rolls back writes nothing.
 *
 * <p>The lock (a transaction-level advisory lock per stream, taken in one order) makes two transactions appending to
 * the same stream at once — an officer's view of a case while a listener issues its certificate — take turns: the
 * second waits until the first has committed and then chains after it. Without it both read the same tip and one
 * failed on the unique key {@code (stream, seq)}, rolling back its whole transaction (a page answered with an
 * error). The unique key still guarantees that the chain never forks; appends to different streams never wait for
 * each other.
 */
@Component
class LedgerAppender {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final CommitBatch<Pending> pending = new CommitBatch<>("ledger entries", this::write);

    LedgerAppender(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions); // REQUIRED: joins the publisher's transaction
    }

    @EventListener
    void on(AuditedAction audited) {
        var action = new Pending(required(audited.stream(), "stream"), required(audited.actor(), "actor"),
                required(audited.action(), "action"), time(audited.at()), json.writeValueAsString(audited.payload()));
        transaction.executeWithoutResult(status -> pending.add(action));
    }

    /** An action waiting for its transaction's commit, its payload already serialised. */
    private record Pending(String stream, String actor, String action, Instant at, String payload) {
    }

    /** The tip of a stream: its last sequence number and entry hash (0 and {@link LedgerHashes#GENESIS} if empty). */
    private record Tip(int sequence, byte[] entryHash) {
    }

    private void write(List<Pending> actions) {
        var tips = tips(actions.stream().map(Pending::stream).collect(Collectors.toCollection(LinkedHashSet::new)));
        var hashes = new LedgerHashes();
        var rows = new ArrayList<Object[]>(actions.size());
        for (var a : actions) {
            var tip = tips.getOrDefault(a.stream(), new Tip(0, LedgerHashes.GENESIS));
            int sequence = tip.sequence() + 1;
            byte[] payloadHash = hashes.payloadHash(a.payload());
            byte[] entryHash = hashes.entryHash(a.stream(), sequence, a.actor(), a.action(), LedgerHashes.micros(a.at()),
                    payloadHash, tip.entryHash());
            rows.add(new Object[] {a.stream(), sequence, a.actor(), a.action(), a.at().atOffset(ZoneOffset.UTC),
                    a.payload(), payloadHash, tip.entryHash(), entryHash});
            tips.put(a.stream(), new Tip(sequence, entryHash));
        }
        jdbc.batchUpdate("""
                INSERT INTO audit.entry (stream, seq, actor, action, at, payload, payload_hash, prev_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /**
     * The appends' lock and the streams' locks taken for this transaction, then the last entry of each stream: three
     * statements in one round trip. The tips are a statement of their own so that they read what a transaction that
     * held a lock committed before letting go (a statement sees what was committed when it began).
     */
    private Map<String, Tip> tips(Collection<String> streams) {
        return jdbc.execute((ConnectionCallback<Map<String, Tip>>) connection -> {
            try (var statement = connection.prepareStatement(lockAndReadTips(streams.size()))) {
                int parameter = 1;
                for (int twice = 0; twice < 2; twice++) { // the names, for the locks and again for the tips
                    for (String stream : streams) {
                        statement.setString(parameter++, stream);
                    }
                }
                statement.execute(); // the appends' lock
                if (!statement.getMoreResults() || !statement.getMoreResults()) { // the streams' locks, the tips
                    throw new IllegalStateException("the ledger's tips were not returned after its locks");
                }
                var tips = new HashMap<String, Tip>();
                try (var rows = statement.getResultSet()) {
                    while (rows.next()) {
                        tips.put(rows.getString(1), new Tip(rows.getInt(2), rows.getBytes(3)));
                    }
                }
                return tips;
            }
        });
    }

    /**
     * The first key of the streams' advisory locks ("ldgr" in ASCII), the second being the stream's hash; this
     * two-key form never meets the one-key locks taken elsewhere. Taken in key order, so that no two transactions can
     * each hold a lock the other waits for; a hash shared by two streams only makes them take turns.
     */
    private static final int STREAM_LOCKS = 0x6c646772;

    /**
     * The one-key advisory lock ("append" in ASCII) every appending transaction holds in shared mode from before its
     * entries get their ids until it ends, and the {@link CheckpointSealer} takes exclusively for a moment to learn
     * below which id no transaction can still commit an entry. Taken first, before any stream's lock, so that no
     * append waiting behind the sealer holds a stream's lock another append needs.
     */
    static final long APPENDS_LOCK = 0x617070656e64L;

    /**
     * Takes the appends' lock (shared), locks {@code streams} streams and reads their tips, the last two statements
     * given the stream names one parameter each.
     * Written out element by element, the names' array tells PostgreSQL how many rows it holds when it plans the
     * statement, and the plan is made once for all executions; PostgreSQL assumes an array parameter holds 100, and
     * would plan the tips afresh on every execution ({@code LedgerTipsPlanTest}).
     */
    static String lockAndReadTips(int streams) {
        String names = "ARRAY[" + String.join(", ", Collections.nCopies(streams, "?::text")) + "]";
        return """
                SELECT pg_advisory_xact_lock_shared(%d);
                SELECT pg_advisory_xact_lock(%d, k) FROM (SELECT DISTINCT hashtext(s) AS k FROM unnest(%s) AS s
                                                          ORDER BY k) AS streams;
                SELECT t.stream, e.seq, e.entry_hash FROM unnest(%s) AS t(stream)
                CROSS JOIN LATERAL (SELECT seq, entry_hash FROM audit.entry
                                    WHERE stream = t.stream ORDER BY seq DESC LIMIT 1) e""".formatted(APPENDS_LOCK,
                STREAM_LOCKS, names, names);
    }

    private static Instant time(Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("an audited action needs its time (at)");
        }
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audited action needs its " + what);
        }
        return value;
    }
}
