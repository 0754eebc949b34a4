package cn.youfu.audit.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals every entry since the last checkpoint into a new checkpoint: the entry id range and count, the Merkle root
 * of their hashes in id order, the previous checkpoint's hash, this checkpoint's hash and its SM2 signature.
 *
 * <p>Public for the module's own tests and benchmark; the scheduler calls it every
 * {@code youfu.audit.checkpoint-interval}.
 */
@Component
public class CheckpointSealer {

    /** A sealed checkpoint: it covers the entries with {@code afterEntryId < id <= lastEntryId}. */
    public record Sealed(long id, long afterEntryId, long lastEntryId, long entryCount, String merkleRoot) {
    }

    private static final Logger log = LoggerFactory.getLogger(CheckpointSealer.class);
    /** pg_advisory_xact_lock key that serialises sealers ("audit" in ASCII). */
    private static final long SEALER_LOCK = 0x6175646974L;

    private final JdbcClient jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate transaction;
    private final AuditSigningKey key;
    private final SigningKeys keys;
    private final CheckpointAnchors anchors;
    private final Clock clock;

    CheckpointSealer(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                     AuditSigningKey key, SigningKeys keys, CheckpointAnchors anchors, Clock clock) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(10_000);
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.key = key;
        this.keys = keys;
        this.anchors = anchors;
        this.clock = clock;
    }

    /**
     * Seals the entries committed since the last checkpoint and, once that has committed, anchors every checkpoint
     * not anchored yet ({@link CheckpointAnchors}); empty when there was nothing to seal.
     */
    public Optional<Sealed> seal() {
        long upTo = lastCommittedEntryId();
        var sealed = Optional.ofNullable(transaction.execute(status -> sealUpTo(upTo)));
        anchors.anchorNew(jdbc);
        sealed.ifPresent(s -> log.debug("Audit checkpoint {} sealed entries {}..{} ({})", s.id(), s.afterEntryId() + 1,
                s.lastEntryId(), s.entryCount()));
        return sealed;
    }

    /**
     * The highest entry id below which no transaction can still commit an entry.
     *
     * <p>Ids come from a sequence when a row is inserted, but transactions commit in any order: entry 101 may be
     * visible while entry 100 is still in flight. Sealing up to a plain {@code max(id)} could then leave entry 100
     * out of every checkpoint for ever. So, in a short transaction of its own, this takes the
     * {@linkplain LedgerAppender#APPENDS_LOCK appends' lock} exclusively: every appending transaction holds it shared
     * from before its entries get their ids until it ends, so this waits for those in flight to commit or roll back
     * and holds new appends back for the moment it takes to read {@code max(id)}. Every id at or below that max then
     * belongs to a transaction that has ended, and every later append gets a higher id. Appends pause for
     * milliseconds; readers are never blocked.
     *
     * <p>An advisory lock, not a lock on the table: {@code LOCK TABLE audit.entry IN SHARE ROW EXCLUSIVE MODE} also
     * waits for a vacuum or analyze of the ledger, which autovacuum cancels only after a second
     * ({@code deadlock_timeout}), and every append would queue behind it for that second, stalling every decision.
     */
    private long lastCommittedEntryId() {
        Long max = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LedgerAppender.APPENDS_LOCK).query().singleRow();
            return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit.entry").query(Long.class).single();
        });
        return max == null ? 0 : max;
    }

    private record Previous(long lastEntryId, byte[] hash) {
    }

    private Sealed sealUpTo(long upTo) {
        // Two sealers (the scheduler and a manual call) take turns; the unique after_entry_id backs this up.
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(SEALER_LOCK).query().singleRow();
        var previous = jdbc.sql("SELECT last_entry_id, checkpoint_hash FROM audit.checkpoint ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Previous(rs.getLong(1), rs.getBytes(2))).optional()
                .orElse(new Previous(0, LedgerHashes.GENESIS));
        if (upTo <= previous.lastEntryId()) {
            return null;
        }
        var tree = new MerkleTree();
        cursor.query("SELECT entry_hash FROM audit.entry WHERE id > ? AND id <= ? ORDER BY id",
                rs -> {
                    tree.add(rs.getBytes(1));
                }, previous.lastEntryId(), upTo);
        if (tree.size() == 0) {
            return null; // only ids of rolled-back transactions: nothing to seal
        }
        byte[] root = tree.root();
        var sealedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] hash = new LedgerHashes().checkpointHash(previous.lastEntryId(), upTo, tree.size(), root,
                previous.hash(), LedgerHashes.micros(sealedAt), key.keyId());
        byte[] signature = key.sign(hash);
        keys.register(key, sealedAt);
        long id = jdbc.sql("""
                        INSERT INTO audit.checkpoint (after_entry_id, last_entry_id, entry_count, merkle_root,
                                                      prev_hash, sealed_at, key_id, checkpoint_hash, signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(previous.lastEntryId(), upTo, tree.size(), root, previous.hash(),
                        sealedAt.atOffset(ZoneOffset.UTC), key.keyId(), hash, signature)
                .query(Long.class).single();
        return new Sealed(id, previous.lastEntryId(), upTo, tree.size(), LedgerHashes.hex(root));
    }
}
