package org.livecomply.archive.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.livecomply.sdk.archive.MerkleHashes;

/**
 * RFC 9162 §2.1 over stored complete subtrees. Every hash a proof needs is the Merkle tree hash of a
 * range of leaves that the RFC recursion produces; each such range is covered by at most log2(n)
 * complete subtrees, which are stored once when they complete. So a proof is O(log n) node reads, and
 * the root of any past size can be recomputed the same way.
 */
public final class TreeMath {

    private TreeMath() {
    }

    /** A range of leaves [start, start + size). */
    public record Range(long start, long size) {

        /** The complete subtrees covering the range, left to right (largest first). */
        public List<NodeKey> cover() {
            List<NodeKey> nodes = new ArrayList<>();
            long at = start;
            long left = size;
            while (left > 0) {
                long piece = Long.highestOneBit(left);
                if (at != 0) {
                    piece = Math.min(piece, Long.lowestOneBit(at));
                }
                int level = Long.numberOfTrailingZeros(piece);
                nodes.add(new NodeKey(level, at >> level));
                at += piece;
                left -= piece;
            }
            return nodes;
        }

        /** The range's Merkle tree hash from its covering subtrees: the RFC's right-leaning split, folded from the right. */
        public byte[] hash(Map<NodeKey, byte[]> nodes) {
            List<NodeKey> cover = cover();
            if (cover.isEmpty()) {
                return MerkleHashes.emptyRoot();
            }
            byte[] hash = require(nodes, cover.get(cover.size() - 1));
            for (int i = cover.size() - 2; i >= 0; i--) {
                hash = MerkleHashes.node(require(nodes, cover.get(i)), hash);
            }
            return hash;
        }
    }

    /** The ranges whose hashes form PATH(m, D[0:n]), in proof order (RFC 9162 §2.1.3.1). */
    public static List<Range> inclusion(long m, long n) {
        List<Range> proof = new ArrayList<>();
        path(m, 0, n, proof);
        return proof;
    }

    private static void path(long m, long start, long n, List<Range> proof) {
        if (n <= 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, k, proof);
            proof.add(new Range(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, proof);
            proof.add(new Range(start, k));
        }
    }

    /** The ranges whose hashes form PROOF(m, D[0:n]), in proof order (RFC 9162 §2.1.4.1), for 0 < m ≤ n. */
    public static List<Range> consistency(long m, long n) {
        List<Range> proof = new ArrayList<>();
        subproof(m, 0, n, true, proof);
        return proof;
    }

    private static void subproof(long m, long start, long n, boolean complete, List<Range> proof) {
        if (m == n) {
            if (!complete) {
                proof.add(new Range(start, n));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, k, complete, proof);
            proof.add(new Range(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(new Range(start, k));
        }
    }

    /** Every stored node the given ranges need, each once. */
    public static Set<NodeKey> nodesOf(List<Range> ranges) {
        Set<NodeKey> keys = new LinkedHashSet<>();
        ranges.forEach(range -> keys.addAll(range.cover()));
        return keys;
    }

    private static byte[] require(Map<NodeKey, byte[]> nodes, NodeKey key) {
        byte[] hash = nodes.get(key);
        if (hash == null) {
            throw new IllegalStateException("tree node " + key + " is missing from the store");
        }
        return hash;
    }
}
