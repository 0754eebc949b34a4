package cn.youfu.audit.internal;

import cn.youfu.audit.VerificationReport;
import cn.youfu.audit.VerificationReport.Finding;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Recomputes the whole ledger from its rows: every payload hash, entry hash and chain link (sequence numbers from 1
 * without gaps), and every checkpoint: that its id range continues the previous one, its entry count and Merkle root
 * over the entries in that range, its chain link, its hash, and its SM2 signature by a known (and, if configured,
 * trusted) key. Stops at the first mismatch, in ledger (id) order.
 *
 * <p>Entries and checkpoints are read side by side in id order through two database cursors, so memory holds one
 * chain tip per stream and an O(log n) Merkle frontier, not the ledger. Within a stream, ids grow with sequence
 * numbers (an entry is appended only after its predecessor was written), so id order is chain order.
 *
 * <p>Public for the module's own tests, which verify inside a transaction of their own.
 */
@Component
public class LedgerVerifier {

    static final int FETCH_SIZE = 10_000;

    private static final String ENTRIES = """
            SELECT id, stream, seq, actor, action, (extract(epoch FROM at) * 1000000)::bigint, payload, payload_hash,
                   prev_hash, entry_hash
            FROM audit.entry ORDER BY id""";
    private static final String CHECKPOINTS = """
            SELECT id, after_entry_id, last_entry_id, entry_count, merkle_root, prev_hash,
                   (extract(epoch FROM sealed_at) * 1000000)::bigint, key_id, checkpoint_hash, signature
            FROM audit.checkpoint ORDER BY id""";

    private final List<String> trustedKeyIds;
    private final CheckpointAnchors anchors;

    LedgerVerifier(AuditSettings settings, CheckpointAnchors anchors) {
        this.trustedKeyIds = settings.trustedKeyIds();
        this.anchors = anchors;
    }

    /**
     * Verifies what {@code connection} sees, inside its current transaction; the caller chooses the transaction
     * (a read-only repeatable-read one gives a consistent snapshot) and autocommit must be off for the cursors.
     */
    public VerificationReport verify(Connection connection) throws SQLException {
        long started = System.nanoTime();
        var keys = keys(connection);
        try (var entryQuery = connection.prepareStatement(ENTRIES);
             var checkpointQuery = connection.prepareStatement(CHECKPOINTS)) {
            entryQuery.setFetchSize(FETCH_SIZE);
            checkpointQuery.setFetchSize(1_000);
            try (var entries = entryQuery.executeQuery(); var checkpoints = checkpointQuery.executeQuery()) {
                var run = new Run(checkpoints, keys);
                boolean ok = run.start();
                while (ok && entries.next()) {
                    ok = run.entry(entries);
                }
                if (ok) {
                    run.finishCheckpoints();
                }
                if (run.firstBad == null) {
                    run.compareWithAnchors(anchors.read());
                }
                return new VerificationReport(run.firstBad == null, run.entries, run.tips.size(), run.checkpoints,
                        run.unsealed, run.anchored, (System.nanoTime() - started) / 1_000_000, run.firstBad);
            }
        }
    }

    /** Key id → public key; null for a stored key whose id is not its fingerprint (it was swapped). */
    private static Map<String, PublicKey> keys(Connection connection) throws SQLException {
        var keys = new HashMap<String, PublicKey>();
        try (var query = connection.prepareStatement("SELECT key_id, public_key FROM audit.signing_key");
             var rows = query.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                byte[] encoded = rows.getBytes(2);
                PublicKey key = null;
                if (id.equals(AuditSigningKey.keyId(encoded))) {
                    try {
                        key = AuditSigningKey.publicKey(encoded);
                    } catch (GeneralSecurityException e) {
                        key = null;
                    }
                }
                keys.put(id, key);
            }
        }
        return keys;
    }

    private record Checkpoint(long id, long afterEntryId, long lastEntryId, long entryCount, byte[] merkleRoot,
                              byte[] previousHash, long sealedAtMicros, String keyId, byte[] hash, byte[] signature) {
    }

    private static final class Tip {
        int sequence;
        byte[] hash;

        Tip(int sequence, byte[] hash) {
            this.sequence = sequence;
            this.hash = hash;
        }
    }

    /** One pass over the ledger. */
    private final class Run {

        final LedgerHashes hashes = new LedgerHashes();
        final Map<String, Tip> tips = new HashMap<>();
        final ResultSet checkpointRows;
        final Map<String, PublicKey> keys;
        MerkleTree tree = new MerkleTree();
        Checkpoint current;
        long previousLastEntryId;
        byte[] previousHash = LedgerHashes.GENESIS;
        long entries;
        long checkpoints;
        long unsealed;
        long anchored;
        /** Each verified checkpoint's hash, by id, to compare with the anchors. */
        final Map<Long, String> sealed = new HashMap<>();
        Finding firstBad;

        Run(ResultSet checkpointRows, Map<String, PublicKey> keys) {
            this.checkpointRows = checkpointRows;
            this.keys = keys;
        }

        boolean start() throws SQLException {
            return nextCheckpoint();
        }

        boolean entry(ResultSet row) throws SQLException {
            long id = row.getLong(1);
            while (current != null && id > current.lastEntryId()) {
                if (!finish(current) || !nextCheckpoint()) {
                    return false;
                }
            }
            entries++;
            String stream = row.getString(2);
            int sequence = row.getInt(3);
            String actor = row.getString(4);
            String action = row.getString(5);
            long atMicros = row.getLong(6);
            byte[] payloadHash = hashes.payloadHash(row.getString(7));
            if (!Arrays.equals(payloadHash, row.getBytes(8))) {
                return bad(stream, sequence, id, "payload hash mismatch");
            }
            Tip tip = tips.get(stream);
            int expected = tip == null ? 1 : tip.sequence + 1;
            if (sequence != expected) {
                return bad(stream, sequence, id, sequence > expected
                        ? "sequence gap: expected " + expected + ", found " + sequence
                                + " (an entry is missing or out of order)"
                        : "sequence out of order: expected " + expected + ", found " + sequence);
            }
            byte[] previous = tip == null ? LedgerHashes.GENESIS : tip.hash;
            if (!Arrays.equals(previous, row.getBytes(9))) {
                return bad(stream, sequence, id, "chain link broken: prev_hash is not the hash of the entry before");
            }
            byte[] entryHash = hashes.entryHash(stream, sequence, actor, action, atMicros, payloadHash, previous);
            if (!Arrays.equals(entryHash, row.getBytes(10))) {
                return bad(stream, sequence, id, "entry hash mismatch");
            }
            if (tip == null) {
                tips.put(stream, new Tip(sequence, entryHash));
            } else {
                tip.sequence = sequence;
                tip.hash = entryHash;
            }
            if (current != null) {
                tree.add(entryHash); // nextCheckpoint() made sure its range starts right after the previous one
            } else {
                unsealed++;
            }
            return true;
        }

        void finishCheckpoints() throws SQLException {
            while (current != null) {
                if (!finish(current) || !nextCheckpoint()) {
                    return;
                }
            }
        }

        private boolean nextCheckpoint() throws SQLException {
            if (!checkpointRows.next()) {
                current = null;
                return true;
            }
            var r = checkpointRows;
            current = new Checkpoint(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getBytes(5),
                    r.getBytes(6), r.getLong(7), r.getString(8), r.getBytes(9), r.getBytes(10));
            if (current.afterEntryId() != previousLastEntryId || current.lastEntryId() <= current.afterEntryId()) {
                return bad(current, "entry range (" + current.afterEntryId() + ", " + current.lastEntryId()
                        + "] does not continue from the previous checkpoint's last entry " + previousLastEntryId);
            }
            return true;
        }

        private boolean finish(Checkpoint checkpoint) {
            if (tree.size() != checkpoint.entryCount()) {
                return bad(checkpoint, "entry count mismatch: sealed " + checkpoint.entryCount() + ", found "
                        + tree.size() + " (entries were deleted or inserted)");
            }
            if (!Arrays.equals(tree.root(), checkpoint.merkleRoot())) {
                return bad(checkpoint, "merkle root mismatch (entries were changed, replaced or reordered)");
            }
            if (!Arrays.equals(previousHash, checkpoint.previousHash())) {
                return bad(checkpoint, "checkpoint chain broken: prev_hash is not the hash of the checkpoint before");
            }
            byte[] hash = hashes.checkpointHash(checkpoint.afterEntryId(), checkpoint.lastEntryId(),
                    checkpoint.entryCount(), checkpoint.merkleRoot(), checkpoint.previousHash(),
                    checkpoint.sealedAtMicros(), checkpoint.keyId());
            if (!Arrays.equals(hash, checkpoint.hash())) {
                return bad(checkpoint, "checkpoint hash mismatch");
            }
            if (!trustedKeyIds.isEmpty() && !trustedKeyIds.contains(checkpoint.keyId())) {
                return bad(checkpoint, "signed by " + checkpoint.keyId() + ", which is not a trusted key");
            }
            PublicKey key = keys.get(checkpoint.keyId());
            if (key == null) {
                return bad(checkpoint, "signing key " + checkpoint.keyId() + " is unknown or does not match its id");
            }
            if (!AuditSigningKey.verify(key, hash, checkpoint.signature())) {
                return bad(checkpoint, "signature invalid");
            }
            checkpoints++;
            sealed.put(checkpoint.id(), LedgerHashes.hex(hash));
            previousLastEntryId = checkpoint.lastEntryId();
            previousHash = hash;
            tree = new MerkleTree();
            return true;
        }

        /**
         * Every anchored checkpoint must be in the database with the hash it was anchored with: one missing means the
         * ledger was cut back (its newest checkpoints and entries removed), one different that it was rewritten
         * and sealed again from some point on.
         */
        void compareWithAnchors(List<CheckpointAnchors.Anchor> anchored) {
            for (var anchor : anchored) {
                var hash = sealed.get(anchor.checkpointId());
                if (hash == null) {
                    firstBad = Finding.checkpoint(anchor.checkpointId(), "truncated: checkpoint "
                            + anchor.checkpointId() + ", sealed " + anchor.sealedAt() + " over entries up to "
                            + anchor.lastEntryId() + ", is anchored but not in the database");
                    return;
                }
                if (!hash.equals(anchor.checkpointHash())) {
                    firstBad = Finding.checkpoint(anchor.checkpointId(), "forked: checkpoint "
                            + anchor.checkpointId() + " in the database is not the one anchored (hash "
                            + anchor.checkpointHash() + ")");
                    return;
                }
                this.anchored++;
            }
        }

        private boolean bad(String stream, int sequence, long id, String problem) {
            firstBad = Finding.entry(stream, sequence, id, problem);
            return false;
        }

        private boolean bad(Checkpoint checkpoint, String problem) {
            firstBad = Finding.checkpoint(checkpoint.id(), problem);
            return false;
        }
    }
}
