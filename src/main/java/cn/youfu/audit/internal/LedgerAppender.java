package cn.youfu.audit.internal;

import cn.youfu.audit.AuditedAction;
import cn.youfu.platform.CommitBatch;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link AuditedAction} to its stream's hash chain, in the publisher's transaction.
 *
 * <p>The actions of one transaction are collected as they are published (their payload serialised at once) and written just before it commits: one query reads the last entry of every stream they touch, the entry
 * hashes are chained in Java, and one batch inserts them all. A transaction that rolls back writes nothing. Two
 * transactions appending to the same stream at once both compute the same next sequence number; the unique key
 * {@code (stream, seq)} lets one insert and makes the other wait for it and then fail with a unique violation, so
 * its commit fails and its transaction rolls back. The chain never forks, and appends to different streams never
 * wait for each other.
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

    /** The last entry of each of the streams, in one query. */
    private Map<String, Tip> tips(Collection<String> streams) {
        var tips = new HashMap<String, Tip>();
        jdbc.query("""
                        SELECT t.stream, e.seq, e.entry_hash FROM unnest(?::text[]) AS t(stream)
                        CROSS JOIN LATERAL (SELECT seq, entry_hash FROM audit.entry
                                            WHERE stream = t.stream ORDER BY seq DESC LIMIT 1) e""",
                (RowCallbackHandler) rs -> tips.put(rs.getString(1), new Tip(rs.getInt(2), rs.getBytes(3))),
                (Object) streams.toArray(String[]::new));
        return tips;
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
