package cn.youfu.audit.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The SM3 Merkle root over a checkpoint's entry hashes, in entry id order.
 *
 * <p>The tree is binary and built level by level: a leaf is {@code SM3(0x00 || entryHash)}, an inner node
 * {@code SM3(0x01 || left || right)} (the prefixes keep a leaf from passing for a node, as in RFC 6962). When a level
 * has an odd number of nodes, the last one is <em>promoted</em> unchanged to the next level; it is not paired with a
 * copy of itself, which would give a list and the same list with its last entry repeated the same root (Bitcoin's
 * CVE-2012-2459). The result equals RFC 6962's Merkle tree hash. The root of no entries is {@code SM3("")}, though a
 * checkpoint is never sealed empty.
 *
 * <p>{@link #add(byte[])} builds the same root incrementally in O(log n) memory, so a verifier can stream entries;
 * {@link #root(List)} is the plain level-by-level definition. Not thread-safe.
 *
 * <p>Public for the module's own tests and benchmark.
 */
public final class MerkleTree {

    private final MessageDigest sm3 = GmCrypto.sm3();
    /** Roots of complete subtrees, left to right, with their heights strictly decreasing. */
    private final List<byte[]> roots = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private long size;

    /** Appends the next entry hash. */
    public void add(byte[] entryHash) {
        byte[] node = leaf(entryHash);
        int height = 0;
        while (!roots.isEmpty() && heights.get(heights.size() - 1) == height) {
            heights.remove(heights.size() - 1);
            node = node(roots.remove(roots.size() - 1), node);
            height++;
        }
        roots.add(node);
        heights.add(height);
        size++;
    }

    public long size() {
        return size;
    }

    /** The root over everything added so far. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return sm3.digest();
        }
        // The smaller subtrees on the right were promoted until they met the next one on their left.
        byte[] node = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            node = node(roots.get(i), node);
        }
        return node;
    }

    /** The root over {@code entryHashes}, level by level, promoting an odd last node. */
    public static byte[] root(List<byte[]> entryHashes) {
        var tree = new MerkleTree();
        if (entryHashes.isEmpty()) {
            return tree.sm3.digest();
        }
        List<byte[]> level = new ArrayList<>(entryHashes.size());
        for (byte[] hash : entryHashes) {
            level.add(tree.leaf(hash));
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(tree.node(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    private byte[] leaf(byte[] entryHash) {
        sm3.update((byte) 0x00);
        return sm3.digest(entryHash);
    }

    private byte[] node(byte[] left, byte[] right) {
        sm3.update((byte) 0x01);
        sm3.update(left);
        return sm3.digest(right);
    }
}
