package org.livecomply.archive.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.sdk.archive.MerkleHashes;
import org.livecomply.sdk.archive.MerkleVerifier;
import org.livecomply.sdk.archive.ProofException;

/** The stored-subtree arithmetic against the literal RFC recursion, without a database. */
class TreeMathTest {

    @Test
    void aRangeIsCoveredByAlignedCompleteSubtreesLargestFirst() {
        assertEquals(List.of(new NodeKey(3, 0), new NodeKey(1, 4), new NodeKey(0, 10)), new TreeMath.Range(0, 11).cover());
        assertEquals(List.of(new NodeKey(2, 3), new NodeKey(0, 16)), new TreeMath.Range(12, 5).cover());
        assertEquals(List.of(), new TreeMath.Range(0, 0).cover());
    }

    @Test
    void theFrontierStoresEveryCompletedSubtreeAndItsRootIsTheRfcRoot() throws ProofException {
        List<byte[]> leaves = new ArrayList<>();
        Map<NodeKey, byte[]> stored = new HashMap<>();
        Frontier frontier = new Frontier(0, List.of());
        assertArrayEquals(MerkleHashes.emptyRoot(), frontier.root());
        for (int n = 1; n <= 130; n++) {
            byte[] leaf = MerkleHashes.leaf(("leaf " + n).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            frontier.append(leaf);
            frontier.drainCompleted().forEach(node -> stored.put(node.key(), node.hash()));
            byte[] root = naiveRoot(leaves);
            assertArrayEquals(root, frontier.root(), "frontier root of " + n);
            assertArrayEquals(root, new TreeMath.Range(0, n).hash(stored), "root of " + n + " from stored nodes");
            for (int m = 0; m < n; m += 7) {
                List<byte[]> path = TreeMath.inclusion(m, n).stream().map(range -> range.hash(stored)).toList();
                MerkleVerifier.verifyInclusion(m, n, leaves.get(m), path, root);
            }
        }
        // a frontier restarted from stored nodes continues the same tree
        Frontier resumed = new Frontier(130, new TreeMath.Range(0, 130).cover().stream().map(k -> new Node(k, stored.get(k))).toList());
        byte[] next = MerkleHashes.leaf(new byte[] {1});
        resumed.append(next);
        leaves.add(next);
        assertArrayEquals(naiveRoot(leaves), resumed.root());
        assertEquals(131, resumed.size());
    }

    @Test
    void aMissingStoredNodeIsAnErrorNotAWrongHash() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TreeMath.Range(0, 3).hash(Map.of()));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    private static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHashes.node(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }
}
