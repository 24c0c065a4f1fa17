package org.livecomply.sdk.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proofs of every leaf and every pair of sizes up to 70 leaves, against the literal RFC recursion; then tampered ones. */
class MerkleVerifierTest {

    private static final List<byte[]> LEAVES = NaiveMerkle.leaves(70);

    @Test
    void theEmptyTreeAndSmallTreesHaveTheRfcRoots() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HexFormat.of().formatHex(MerkleHashes.emptyRoot()));
        // RFC 6962 test vector (transparency-dev testdata): the leaf of the empty string.
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HexFormat.of().formatHex(MerkleHashes.leaf(new byte[0])));
        assertArrayEquals(MerkleHashes.node(LEAVES.get(0), LEAVES.get(1)), NaiveMerkle.root(LEAVES.subList(0, 2)));
    }

    @Test
    void everyInclusionProofUpTo70LeavesVerifies() throws ProofException {
        for (int n = 1; n <= LEAVES.size(); n++) {
            List<byte[]> tree = LEAVES.subList(0, n);
            byte[] root = NaiveMerkle.root(tree);
            for (int m = 0; m < n; m++) {
                MerkleVerifier.verifyInclusion(m, n, tree.get(m), NaiveMerkle.path(m, tree), root);
            }
        }
    }

    @Test
    void everyConsistencyProofUpTo70LeavesVerifies() throws ProofException {
        for (int n = 1; n <= LEAVES.size(); n++) {
            byte[] root2 = NaiveMerkle.root(LEAVES.subList(0, n));
            for (int m = 1; m <= n; m++) {
                MerkleVerifier.verifyConsistency(m, n, NaiveMerkle.root(LEAVES.subList(0, m)), root2,
                        NaiveMerkle.consistency(m, LEAVES.subList(0, n)));
            }
        }
    }

    @Test
    void aFlippedBitAnywhereInAnInclusionProofIsRejected() {
        int n = 37;
        List<byte[]> tree = LEAVES.subList(0, n);
        byte[] root = NaiveMerkle.root(tree);
        for (int m = 0; m < n; m += 5) {
            List<byte[]> proof = NaiveMerkle.path(m, tree);
            for (int i = 0; i < proof.size(); i++) {
                int leaf = m;
                List<byte[]> tampered = flip(proof, i);
                assertThrows(ProofException.class, () -> MerkleVerifier.verifyInclusion(leaf, n, tree.get(leaf), tampered, root));
            }
            int leaf = m;
            assertThrows(ProofException.class, () -> MerkleVerifier.verifyInclusion(leaf, n, tree.get(leaf + 1), proof, root), "other leaf");
            assertThrows(ProofException.class, () -> MerkleVerifier.verifyInclusion(leaf + 1, n, tree.get(leaf), proof, root), "other index");
            assertThrows(ProofException.class, () -> MerkleVerifier.verifyInclusion(leaf, 2 * n, tree.get(leaf), proof, root), "other size");
            assertThrows(ProofException.class, () -> MerkleVerifier.verifyInclusion(leaf, n, tree.get(leaf), proof.subList(0, proof.size() - 1), root), "truncated");
        }
    }

    @Test
    void aFlippedBitAnywhereInAConsistencyProofIsRejected() {
        byte[] root1 = NaiveMerkle.root(LEAVES.subList(0, 13));
        byte[] root2 = NaiveMerkle.root(LEAVES.subList(0, 50));
        List<byte[]> proof = NaiveMerkle.consistency(13, LEAVES.subList(0, 50));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> tampered = flip(proof, i);
            assertThrows(ProofException.class, () -> MerkleVerifier.verifyConsistency(13, 50, root1, root2, tampered));
        }
        assertThrows(ProofException.class, () -> MerkleVerifier.verifyConsistency(13, 50, root2, root1, proof), "swapped roots");
        assertThrows(ProofException.class, () -> MerkleVerifier.verifyConsistency(12, 50, root1, root2, proof), "other size");
        assertThrows(ProofException.class, () -> MerkleVerifier.verifyConsistency(0, 50, root1, root2, List.of()), "from empty");
        ProofException backwards = assertThrows(ProofException.class, () -> MerkleVerifier.verifyConsistency(50, 13, root2, root1, proof));
        assertTrue(backwards.getMessage().contains("larger"), backwards.getMessage());
    }

    @Test
    void theArchiveLeafIsTheHashOfPayloadThenSalt() {
        byte[] payload = {1, 2, 3};
        byte[] salt = new byte[16];
        salt[15] = 9;
        byte[] joined = new byte[19];
        System.arraycopy(payload, 0, joined, 0, 3);
        System.arraycopy(salt, 0, joined, 3, 16);
        assertArrayEquals(MerkleHashes.leaf(joined), MerkleHashes.leaf(payload, salt));
    }

    private static List<byte[]> flip(List<byte[]> proof, int index) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] hash = copy.get(index).clone();
        hash[7] ^= 0x10;
        copy.set(index, hash);
        return copy;
    }
}
