package org.livecomply.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.archive.ArchiveClient.READ;

import com.google.protobuf.ByteString;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.ConsistencyProof;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.InclusionProof;
import org.livecomply.api.archive.v1.PublicKey;
import org.livecomply.sdk.archive.MerkleHashes;
import org.livecomply.sdk.archive.MerkleVerifier;
import org.livecomply.sdk.archive.ProofException;
import org.livecomply.sdk.archive.SignedCheckpoint;

/**
 * The log grows leaf by leaf to 100 in its own database; every checkpoint, inclusion proof and
 * consistency proof the service gives is checked with the SDK's offline verifier against the RFC's
 * literal recursion over the leaf hashes (A-1, A-3: evidence anyone can verify).
 */
@MicronautTest(environments = "test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerkleLogIT extends ArchiveApiTest {

    private static final int LEAVES = 100;

    private String verifierKey;
    private final List<byte[]> leaves = new ArrayList<>();

    @BeforeAll
    void readPublicKey() {
        PublicKey key = client.as(READ).getPublicKey(GetPublicKeyRequest.getDefaultInstance());
        assertEquals("test.livecomply/transaction-archive", key.getOrigin());
        assertEquals(32, key.getEd25519PublicKey().size());
        verifierKey = key.getVerifierKey();
    }

    @Test
    @Order(1)
    void theEmptyLogHasTheEmptyRoot() throws ProofException {
        Checkpoint empty = client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance());
        assertEquals(0, empty.getTreeSize());
        assertArrayEquals(MerkleHashes.emptyRoot(), SignedCheckpoint.verify(empty.getSignedNote(), verifierKey).rootHash());
    }

    @Test
    @Order(2)
    void everyGrowingCheckpointIsSignedAndEveryLeafProvableAtEverySize() throws ProofException {
        for (int n = 1; n <= LEAVES; n++) {
            leaves.add(client.append(Records.paid("grow-" + n).build()).getLeafHash().toByteArray());
            Checkpoint checkpoint = client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance());
            SignedCheckpoint verified = SignedCheckpoint.verify(checkpoint.getSignedNote(), verifierKey);
            assertEquals(n, verified.treeSize());
            assertArrayEquals(NaiveMerkle.root(leaves), verified.rootHash(), "root of size " + n);
            assertArrayEquals(verified.rootHash(), checkpoint.getRootHash().toByteArray());

            for (int m = 0; m < n; m++) {
                InclusionProof proof = client.as(READ).getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(m).build());
                assertEquals(n, proof.getTreeSize());
                assertArrayEquals(leaves.get(m), proof.getLeafHash().toByteArray());
                assertEquals(hex(NaiveMerkle.path(m, leaves)), hex(bytes(proof.getHashesList())), "path of " + m + " in " + n);
                SignedCheckpoint signed = SignedCheckpoint.verify(proof.getCheckpoint().getSignedNote(), verifierKey);
                MerkleVerifier.verifyInclusion(m, n, leaves.get(m), bytes(proof.getHashesList()), signed.rootHash());
            }
        }
    }

    @Test
    @Order(3)
    void pastSizesKeepTheirRootsAndEveryPairOfSizesIsConsistent() throws ProofException {
        assertEquals(LEAVES, leaves.size(), "runs after the log has grown");
        List<byte[]> roots = new ArrayList<>();
        roots.add(null);
        for (int n = 1; n <= LEAVES; n++) {
            Checkpoint past = client.as(READ).getCheckpoint(GetCheckpointRequest.newBuilder().setTreeSize(n).build());
            byte[] root = SignedCheckpoint.verify(past.getSignedNote(), verifierKey).rootHash();
            assertArrayEquals(NaiveMerkle.root(leaves.subList(0, n)), root, "past root of " + n);
            roots.add(root);
        }
        for (int second = 1; second <= LEAVES; second++) {
            for (int first = 1; first <= second; first++) {
                ConsistencyProof proof = client.as(READ).getConsistencyProof(GetConsistencyProofRequest.newBuilder()
                        .setFirstSize(first).setSecondSize(second).build());
                MerkleVerifier.verifyConsistency(first, second, roots.get(first), roots.get(second), bytes(proof.getHashesList()));
            }
        }
        // and a proof between the wrong roots does not verify
        ConsistencyProof proof = client.as(READ).getConsistencyProof(GetConsistencyProofRequest.newBuilder()
                .setFirstSize(37).setSecondSize(90).build());
        assertThrows(ProofException.class, () -> MerkleVerifier.verifyConsistency(37, 90, roots.get(36), roots.get(90), bytes(proof.getHashesList())));
    }

    @Test
    @Order(4)
    void aProofForAPastSizeVerifiesAgainstThatSizesCheckpoint() throws ProofException {
        InclusionProof proof = client.as(READ).getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(20).setTreeSize(33).build());
        SignedCheckpoint signed = SignedCheckpoint.verify(proof.getCheckpoint().getSignedNote(), verifierKey);
        assertEquals(33, signed.treeSize());
        MerkleVerifier.verifyInclusion(20, 33, leaves.get(20), bytes(proof.getHashesList()), signed.rootHash());
        assertTrue(proof.getHashesCount() <= 6, "O(log n) hashes");
    }

    @Test
    @Order(5)
    void leafHashesAreStoredOnceAndTheNodeTableHoldsTheSubtreesAboveThem() throws SQLException {
        // A leaf's node is its record's leaf hash: the proofs above read it from archive_records.
        assertEquals(0, db.count("archive_nodes WHERE level = 0"));
        assertEquals(LEAVES / 2 + LEAVES / 4 + LEAVES / 8 + LEAVES / 16 + LEAVES / 32 + LEAVES / 64, db.count("archive_nodes"));
    }

    private static List<byte[]> bytes(List<ByteString> hashes) {
        return hashes.stream().map(ByteString::toByteArray).toList();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }
}
