package cn.youfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.audit.internal.LedgerHashes;
import cn.youfu.audit.internal.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's hashing, without Spring or a database. */
class AuditHashingTest {

    private static final HexFormat HEX = HexFormat.of();
    private final LedgerHashes hashes = new LedgerHashes();

    @Test
    void sm3OfAbcIsTheStandardsTestVector() {
        // GB/T 32905-2016, example 1
        assertThat(HEX.formatHex(hashes.sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(HEX.formatHex(hashes.payloadHash("abc")))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void theEntryHashIsSm3OfTheDocumentedLengthPrefixedEncoding() {
        // docs/audit.md: tag, stream, seq, actor, action, at (epoch micros), payload hash, previous hash; each as a
        // 4-byte big-endian length followed by the bytes (UTF-8 strings, big-endian numbers).
        byte[] payloadHash = hashes.payloadHash("{\"状态\":\"受理\"}");
        var encoding = java.nio.ByteBuffer.allocate(512);
        prefixed(encoding, "youfu.audit.entry.v1".getBytes(StandardCharsets.UTF_8));
        prefixed(encoding, "FZ-2026-00012345".getBytes(StandardCharsets.UTF_8));
        encoding.putInt(4).putInt(7);
        prefixed(encoding, "林秀英".getBytes(StandardCharsets.UTF_8));
        prefixed(encoding, "case.created".getBytes(StandardCharsets.UTF_8));
        encoding.putInt(8).putLong(1_764_000_000_123_456L);
        prefixed(encoding, payloadHash);
        prefixed(encoding, LedgerHashes.GENESIS);
        byte[] expected = hashes.sm3(java.util.Arrays.copyOf(encoding.array(), encoding.position()));
        assertThat(hashes.entryHash("FZ-2026-00012345", 7, "林秀英", "case.created", 1_764_000_000_123_456L,
                payloadHash, LedgerHashes.GENESIS)).isEqualTo(expected);
    }

    private static void prefixed(java.nio.ByteBuffer buffer, byte[] field) {
        buffer.putInt(field.length).put(field);
    }

    @Test
    void everyFieldChangesTheEntryHash() {
        byte[] base = entry("S", 1, "a", "x", 10, "{}", LedgerHashes.GENESIS);
        byte[] otherPrevious = new byte[32];
        otherPrevious[31] = 1;
        assertThat(List.of(
                entry("T", 1, "a", "x", 10, "{}", LedgerHashes.GENESIS),
                entry("S", 2, "a", "x", 10, "{}", LedgerHashes.GENESIS),
                entry("S", 1, "b", "x", 10, "{}", LedgerHashes.GENESIS),
                entry("S", 1, "a", "y", 10, "{}", LedgerHashes.GENESIS),
                entry("S", 1, "a", "x", 11, "{}", LedgerHashes.GENESIS),
                entry("S", 1, "a", "x", 10, "{ }", LedgerHashes.GENESIS),
                entry("S", 1, "a", "x", 10, "{}", otherPrevious)))
                .allSatisfy(changed -> assertThat(changed).isNotEqualTo(base));
    }

    @Test
    void fieldsAreLengthPrefixedSoBoundariesCannotMove() {
        assertThat(entry("ab", 1, "c", "x", 0, "{}", LedgerHashes.GENESIS))
                .isNotEqualTo(entry("a", 1, "bc", "x", 0, "{}", LedgerHashes.GENESIS));
        assertThat(entry("s", 1, "actor", "", 0, "{}", LedgerHashes.GENESIS))
                .isNotEqualTo(entry("s", 1, "", "actor", 0, "{}", LedgerHashes.GENESIS));
    }

    @Test
    void microsAreThoseOfTheEpoch() {
        assertThat(LedgerHashes.micros(Instant.parse("1970-01-01T00:00:01.000002999Z"))).isEqualTo(1_000_002L);
        assertThat(LedgerHashes.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
    }

    @Test
    void merkleRootOfOneTwoAndThreeEntries() {
        byte[] a = hashes.sm3("a".getBytes(StandardCharsets.US_ASCII));
        byte[] b = hashes.sm3("b".getBytes(StandardCharsets.US_ASCII));
        byte[] c = hashes.sm3("c".getBytes(StandardCharsets.US_ASCII));
        assertThat(MerkleTree.root(List.of(a))).isEqualTo(leaf(a));
        assertThat(MerkleTree.root(List.of(a, b))).isEqualTo(node(leaf(a), leaf(b)));
        // Three: the odd last leaf is promoted, not paired with a copy of itself.
        assertThat(MerkleTree.root(List.of(a, b, c))).isEqualTo(node(node(leaf(a), leaf(b)), leaf(c)));
        assertThat(MerkleTree.root(List.of(a, b, c))).isNotEqualTo(MerkleTree.root(List.of(a, b, c, c)));
        assertThat(MerkleTree.root(List.of(a, b))).isNotEqualTo(MerkleTree.root(List.of(b, a)));
        assertThat(MerkleTree.root(List.of())).isEqualTo(hashes.sm3(new byte[0]));
    }

    @Test
    void theStreamingTreeGivesTheLevelByLevelRootForEverySize() {
        var leaves = new ArrayList<byte[]>();
        var tree = new MerkleTree();
        for (int n = 1; n <= 130; n++) {
            byte[] leaf = hashes.sm3(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
            leaves.add(leaf);
            tree.add(leaf);
            assertThat(tree.root()).as("%d leaves", n).isEqualTo(MerkleTree.root(leaves));
            assertThat(tree.size()).isEqualTo(n);
        }
    }

    @Test
    void theCheckpointHashCoversEveryField() {
        byte[] root = hashes.sm3(new byte[] {1});
        byte[] base = hashes.checkpointHash(0, 10, 10, root, LedgerHashes.GENESIS, 5, "sm2-a");
        assertThat(List.of(
                hashes.checkpointHash(1, 10, 10, root, LedgerHashes.GENESIS, 5, "sm2-a"),
                hashes.checkpointHash(0, 11, 10, root, LedgerHashes.GENESIS, 5, "sm2-a"),
                hashes.checkpointHash(0, 10, 9, root, LedgerHashes.GENESIS, 5, "sm2-a"),
                hashes.checkpointHash(0, 10, 10, hashes.sm3(new byte[] {2}), LedgerHashes.GENESIS, 5, "sm2-a"),
                hashes.checkpointHash(0, 10, 10, root, root, 5, "sm2-a"),
                hashes.checkpointHash(0, 10, 10, root, LedgerHashes.GENESIS, 6, "sm2-a"),
                hashes.checkpointHash(0, 10, 10, root, LedgerHashes.GENESIS, 5, "sm2-b")))
                .allSatisfy(changed -> assertThat(changed).isNotEqualTo(base));
    }

    private byte[] entry(String stream, int seq, String actor, String action, long micros, String payload,
                         byte[] previous) {
        return hashes.entryHash(stream, seq, actor, action, micros, hashes.payloadHash(payload), previous);
    }

    private byte[] leaf(byte[] entryHash) {
        return hashes.sm3(concat(new byte[] {0}, entryHash));
    }

    private byte[] node(byte[] left, byte[] right) {
        return hashes.sm3(concat(new byte[] {1}, left, right));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
