package cn.youfu.audit.internal;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link AuditedAction} to its stream's hash chain, synchronously in the publisher's transaction.
 *
 * <p>Appending reads the stream's last entry and inserts the next sequence number. Two transactions appending to the
 * same stream at once both compute the same number; the unique key {@code (stream, seq)} lets one insert and makes
 * the other wait for it and then fail with a unique violation, which rolls the loser's transaction back. The chain
 * never forks, and appends to different streams never wait for each other.
 *
 * <p>The read of the last entry is skipped when the tip is known: the entries this transaction appended, and the tips
 * of streams recently appended to by committed transactions of this process (a bounded cache, filled after commit).
 * A cached tip may be stale (another instance, or another transaction of this one, appended since): the insert is
 * then {@code ON CONFLICT DO NOTHING}, so a stale tip inserts nothing and does not abort the transaction; the tip is
 * then read from the table and inserted as above. An insert that succeeds on a cached tip is correct: entries are
 * immutable and {@code (stream, seq)} unique, so the cached entry is still the one before it.
 */
@Component
class LedgerAppender {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;

    LedgerAppender(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions); // REQUIRED: joins the publisher's transaction
    }

    @EventListener
    void on(AuditedAction action) {
        transaction.executeWithoutResult(status -> append(action));
    }

    private record Tip(int sequence, byte[] entryHash) {
    }

    /** Streams whose committed tip is remembered; beyond it the oldest are forgotten (and read again when needed). */
    static final int CACHED_STREAMS = 50_000;

    private final Map<String, Tip> committedTips = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Tip> eldest) {
                    return size() > CACHED_STREAMS;
                }
            });

    /** The key of one transaction's own tips: its connection (a suspended outer transaction has another). */
    private record TransactionTipsKey(Object connection) {
    }

    /** The tips this transaction appended; published to {@link #committedTips} when it commits. */
    private Map<String, Tip> transactionTips() {
        var connection = TransactionSynchronizationManager.getResource(dataSource);
        if (connection == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        var key = new TransactionTipsKey(connection);
        @SuppressWarnings("unchecked")
        var tips = (Map<String, Tip>) TransactionSynchronizationManager.getResource(key);
        if (tips == null) {
            var mine = new HashMap<String, Tip>();
            TransactionSynchronizationManager.bindResource(key, mine);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                    if (status == STATUS_COMMITTED) {
                        mine.forEach((stream, tip) -> committedTips.merge(stream, tip,
                                (old, now) -> now.sequence() >= old.sequence() ? now : old));
                    }
                }
            });
            tips = mine;
        }
        return tips;
    }

    private Tip readTip(String stream) {
        return jdbc.sql("SELECT seq, entry_hash FROM audit.entry WHERE stream = ? ORDER BY seq DESC LIMIT 1")
                .param(stream).query((rs, n) -> new Tip(rs.getInt(1), rs.getBytes(2))).optional()
                .orElse(new Tip(0, LedgerHashes.GENESIS));
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
        var hashes = new LedgerHashes();
        byte[] payloadHash = hashes.payloadHash(payload);
        var mine = transactionTips();
        Tip known = mine == null ? null : mine.get(stream);
        if (known == null) {
            known = committedTips.get(stream);
        }
        Tip appended = null;
        if (known != null) {
            appended = insert(hashes, stream, actor, name, at, payload, payloadHash, known, true);
            if (appended == null) {
                committedTips.remove(stream);
            }
        }
        if (appended == null) {
            appended = insert(hashes, stream, actor, name, at, payload, payloadHash, readTip(stream), false);
        }
        if (mine != null) {
            mine.put(stream, appended);
        }
    }

    /** Inserts the entry after {@code tip}; null when {@code ifFree} and that sequence number was taken. */
    private Tip insert(LedgerHashes hashes, String stream, String actor, String name, Instant at, String payload,
                       byte[] payloadHash, Tip tip, boolean ifFree) {
        int sequence = tip.sequence() + 1;
        byte[] entryHash = hashes.entryHash(stream, sequence, actor, name, LedgerHashes.micros(at), payloadHash,
                tip.entryHash());
        int rows = jdbc.sql("""
                        INSERT INTO audit.entry (stream, seq, actor, action, at, payload, payload_hash, prev_hash,
                                                 entry_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""" + (ifFree ? " ON CONFLICT (stream, seq) DO NOTHING" : ""))
                .params(stream, sequence, actor, name, at.atOffset(ZoneOffset.UTC), payload, payloadHash,
                        tip.entryHash(), entryHash)
                .update();
        return rows == 1 ? new Tip(sequence, entryHash) : null;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audited action needs its " + what);
        }
        return value;
    }
}
