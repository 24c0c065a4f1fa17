package org.livecomply.sdk.archive;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162 §2.1 written as literally as the RFC states it (recursive, O(n)): the reference for the tests. */
final class NaiveMerkle {

    private NaiveMerkle() {
    }

    static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return MerkleHashes.node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> proof = new ArrayList<>();
        if (leaves.size() <= 1) {
            return proof;
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        if (m < k) {
            proof.addAll(path(m, leaves.subList(0, k)));
            proof.add(root(leaves.subList(k, leaves.size())));
        } else {
            proof.addAll(path(m - k, leaves.subList(k, leaves.size())));
            proof.add(root(leaves.subList(0, k)));
        }
        return proof;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    static List<byte[]> consistency(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean complete) {
        List<byte[]> proof = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!complete) {
                proof.add(root(leaves));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), complete));
            proof.add(root(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(root(leaves.subList(0, k)));
        }
        return proof;
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHashes.leaf(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
