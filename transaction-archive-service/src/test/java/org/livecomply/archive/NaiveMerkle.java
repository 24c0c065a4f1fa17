package org.livecomply.archive;

import java.util.ArrayList;
import java.util.List;
import org.livecomply.sdk.archive.MerkleHashes;

/** RFC 9162 §2.1 as literally as the RFC states it, over all leaves in memory: the reference for the tests. */
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
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHashes.node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> proof = new ArrayList<>();
        if (leaves.size() <= 1) {
            return proof;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m < k) {
            proof.addAll(path(m, leaves.subList(0, k)));
            proof.add(root(leaves.subList(k, leaves.size())));
        } else {
            proof.addAll(path(m - k, leaves.subList(k, leaves.size())));
            proof.add(root(leaves.subList(0, k)));
        }
        return proof;
    }
}
