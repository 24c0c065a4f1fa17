package org.livecomply.sdk.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.livecomply.sdk.archive.MerkleHashes;

/**
 * An in-memory RFC 9162 Merkle log: MTH, PATH (§2.1.3.1) and PROOF (§2.1.4.1) by their recursive definitions.
 * Complete subtrees never change in an append-only log, so their hashes are kept.
 */
final class MerkleLog {

    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<Long, byte[]> completeSubtrees = new HashMap<>();

    void append(byte[] leafHash) {
        leaves.add(leafHash.clone());
    }

    long size() {
        return leaves.size();
    }

    byte[] leaf(long index) {
        return leaves.get((int) index).clone();
    }

    /** MTH of the first {@code size} leaves. */
    byte[] root(long size) {
        return size == 0 ? MerkleHashes.emptyRoot() : hash(0, size);
    }

    /** PATH(m, D[0:size]). */
    List<byte[]> inclusion(long index, long size) {
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(first, D[0:second]). */
    List<byte[]> consistency(long first, long second) {
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long size, List<byte[]> out) {
        if (size <= 1) {
            return;
        }
        long k = split(size);
        if (index < k) {
            path(index, start, k, out);
            out.add(hash(start + k, size - k));
        } else {
            path(index - k, start + k, size - k, out);
            out.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long size, boolean complete, List<byte[]> out) {
        if (m == size) {
            if (!complete) {
                out.add(hash(start, size));
            }
            return;
        }
        long k = split(size);
        if (m <= k) {
            subproof(m, start, k, complete, out);
            out.add(hash(start + k, size - k));
        } else {
            subproof(m - k, start + k, size - k, false, out);
            out.add(hash(start, k));
        }
    }

    private byte[] hash(long start, long size) {
        if (size == 1) {
            return leaves.get((int) start);
        }
        boolean complete = Long.bitCount(size) == 1;
        long key = start * 64 + Long.numberOfTrailingZeros(size);
        if (complete) {
            byte[] known = completeSubtrees.get(key);
            if (known != null) {
                return known;
            }
        }
        long k = split(size);
        byte[] node = MerkleHashes.node(hash(start, k), hash(start + k, size - k));
        if (complete) {
            completeSubtrees.put(key, node);
        }
        return node;
    }

    /** The largest power of two smaller than {@code size}. */
    private static long split(long size) {
        return Long.highestOneBit(size - 1);
    }
}
