package cn.youfu.audit.internal;

import cn.youfu.audit.AuditedAction;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link AuditedAction} to its stream's hash chain, synchronously in the publisher's transaction.
 *
 * <p>Appending reads the stream's last entry and inserts the next sequence number. Two transactions appending to the
 * same stream at once both compute the same number; the unique key {@code (stream, seq)} lets one insert and makes
 * the other wait for it and then fail with a unique violation, which rolls the loser's transaction back. The chain
 * never forks, and appends to different streams never wait for each other.
 */
@Component
class LedgerAppender {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    LedgerAppender(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions); // REQUIRED: joins the publisher's transaction
    }

    @EventListener
    void on(AuditedAction action) {
        transaction.executeWithoutResult(status -> append(action));
    }

    private record Tip(int sequence, byte[] entryHash) {
    }

    private void append(AuditedAction action) {
        String stream = required(action.stream(), "stream");
        String actor = required(action.actor(), "actor");
        String name = required(action.action(), "action");
        if (action.at() == null) {
            throw new IllegalArgumentException("an audited action needs its time (at)");
        }
        var at = action.at().truncatedTo(ChronoUnit.MICROS);
        String payload = json.writeValueAsString(action.payload());
        var tip = jdbc.sql("SELECT seq, entry_hash FROM audit.entry WHERE stream = ? ORDER BY seq DESC LIMIT 1")
                .param(stream).query((rs, n) -> new Tip(rs.getInt(1), rs.getBytes(2))).optional()
                .orElse(new Tip(0, LedgerHashes.GENESIS));
        var hashes = new LedgerHashes();
        int sequence = tip.sequence() + 1;
        byte[] payloadHash = hashes.payloadHash(payload);
        byte[] entryHash = hashes.entryHash(stream, sequence, actor, name, LedgerHashes.micros(at), payloadHash,
                tip.entryHash());
        jdbc.sql("""
                        INSERT INTO audit.entry (stream, seq, actor, action, at, payload, payload_hash, prev_hash,
                                                 entry_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(stream, sequence, actor, name, at.atOffset(ZoneOffset.UTC), payload, payloadHash,
                        tip.entryHash(), entryHash)
                .update();
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audited action needs its " + what);
        }
        return value;
    }
}
