package cn.youfu.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The ledger's hashes, all SM3 (32 bytes).
 *
 * <p>An entry hash covers an unambiguous encoding of the entry: a domain tag, then every field as a 4-byte big-endian
 * length followed by its bytes (strings in UTF-8, numbers big-endian), so that no two different entries encode alike
 * (e.g. stream "ab" + actor "c" differs from stream "a" + actor "bc"). The checkpoint hash is built the same way with
 * another tag. One instance holds one digest: not thread-safe, make one per thread.
 *
 * <p>Public for the module's own tests and benchmark; other modules use {@link cn.youfu.audit.Ledger}.
 */
public final class LedgerHashes {

    /** The previous hash of a stream's first entry and of the first checkpoint: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private static final byte[] ENTRY_TAG = "youfu.audit.entry.v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_TAG = "youfu.audit.checkpoint.v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sm3 = GmCrypto.sm3();
    private final byte[] number = new byte[8];

    /** SM3 of arbitrary bytes. */
    public byte[] sm3(byte[] data) {
        return sm3.digest(data);
    }

    /** SM3 of the payload's UTF-8 bytes. */
    public byte[] payloadHash(String payload) {
        return sm3.digest(payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of an entry, chained to {@code previousHash}; {@code atMicros} is microseconds since the epoch. */
    public byte[] entryHash(String stream, int sequence, String actor, String action, long atMicros,
                            byte[] payloadHash, byte[] previousHash) {
        field(ENTRY_TAG);
        field(stream);
        field32(sequence);
        field(actor);
        field(action);
        field64(atMicros);
        field(payloadHash);
        field(previousHash);
        return sm3.digest();
    }

    /**
     * The hash of a checkpoint sealing the entries with {@code afterEntryId < id <= lastEntryId}, chained to the
     * previous checkpoint's hash; this is what the SM2 signature signs.
     */
    public byte[] checkpointHash(long afterEntryId, long lastEntryId, long entryCount, byte[] merkleRoot,
                                 byte[] previousHash, long sealedAtMicros, String keyId) {
        field(CHECKPOINT_TAG);
        field64(afterEntryId);
        field64(lastEntryId);
        field64(entryCount);
        field(merkleRoot);
        field(previousHash);
        field64(sealedAtMicros);
        field(keyId);
        return sm3.digest();
    }

    /** Microseconds since the epoch: the precision PostgreSQL keeps ({@code timestamptz}). */
    public static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private void field(String value) {
        field(value.getBytes(StandardCharsets.UTF_8));
    }

    private void field(byte[] value) {
        length(value.length);
        sm3.update(value);
    }

    private void field32(int value) {
        length(4);
        length(value);
    }

    private void field64(long value) {
        length(8);
        for (int i = 0; i < 8; i++) {
            number[i] = (byte) (value >>> (56 - 8 * i));
        }
        sm3.update(number, 0, 8);
    }

    private void length(int value) {
        for (int i = 0; i < 4; i++) {
            number[i] = (byte) (value >>> (24 - 8 * i));
        }
        sm3.update(number, 0, 4);
    }
}
