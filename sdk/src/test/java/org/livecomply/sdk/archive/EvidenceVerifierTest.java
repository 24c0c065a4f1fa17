package org.livecomply.sdk.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.EvidenceEntry;
import org.livecomply.api.archive.v1.TransactionRecord;

/** A bundle built here the way the archive builds one (7 leaves, 3 of them the order's), then tampered with. */
class EvidenceVerifierTest {

    static final String ORIGIN = "test.livecomply/transaction-archive";

    private final KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    final String verifierKey = NoteKeys.verifierKey(ORIGIN, NoteKeys.raw(keys.getPublic()));

    EvidenceVerifierTest() throws Exception {
    }

    @Test
    void aGenuineBundleVerifies() throws Exception {
        SignedCheckpoint checkpoint = EvidenceVerifier.verify(bundle(), verifierKey);
        assertEquals(7, checkpoint.treeSize());
    }

    @Test
    void everyKindOfTamperingIsNamed() throws Exception {
        EvidenceBundle genuine = bundle();
        assertFails(genuine.toBuilder().setEntries(1, genuine.getEntries(1).toBuilder()
                .setPayload(ByteString.copyFromUtf8("changed"))).build(), "entry 1 (records/3): payload and salt do not hash to the leaf hash");
        assertFails(genuine.toBuilder().setEntries(1, genuine.getEntries(1).toBuilder()
                .setRecord(genuine.getEntries(1).getRecord().toBuilder().setBuyerRef("someone-else"))).build(),
                "entry 1 (records/3): the record shown differs from the payload the leaf hash covers");
        assertFails(genuine.toBuilder().setEntries(2, genuine.getEntries(2).toBuilder()
                .setInclusionProof(0, genuine.getEntries(1).getInclusionProof(0))).build(),
                "entry 2 (records/5): inclusion proof of leaf 5 leads to a different root than the one of tree size 7");
        assertFails(genuine.toBuilder().setEntries(0, genuine.getEntries(0).toBuilder()
                .setRecord(genuine.getEntries(0).getRecord().toBuilder().setOrderId("other"))).build(),
                "entry 0 (records/1) belongs to order other, not order-1");
        assertFails(genuine.toBuilder().setCheckpoint(genuine.getCheckpoint().toBuilder()
                .setSignedNote(genuine.getCheckpoint().getSignedNote().replace("\n7\n", "\n8\n"))).build(),
                "checkpoint signature by " + ORIGIN + " does not verify");
        assertFails(genuine.toBuilder().clearEntries().build(), "the bundle holds no records");
        String otherKey = NoteKeys.verifierKey(ORIGIN, NoteKeys.raw(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        ProofException wrongKey = assertThrows(ProofException.class, () -> EvidenceVerifier.verify(genuine, otherKey));
        assertTrue(wrongKey.getMessage().contains("no signature by"), wrongKey.getMessage());
    }

    @Test
    void anErasedRecordIsCheckedByItsLeafHashAlone() throws Exception {
        EvidenceBundle genuine = bundle();
        EvidenceEntry erased = genuine.getEntries(0).toBuilder().clearPayload().clearSalt()
                .setRecord(genuine.getEntries(0).getRecord().toBuilder().clearBuyerRef()).build();
        EvidenceVerifier.verify(genuine.toBuilder().setEntries(0, erased).build(), verifierKey);
        EvidenceEntry forged = erased.toBuilder().setRecord(erased.getRecord().toBuilder()
                .setLeafHash(ByteString.copyFrom(new byte[32]))).build();
        assertFails(genuine.toBuilder().setEntries(0, forged).build(),
                "entry 0 (records/1): inclusion proof of leaf 1 leads to a different root than the one of tree size 7");
    }

    @Test
    void theCommandPrintsOkOrTheExactFailureWithItsExitCode(@TempDir Path dir) throws Exception {
        EvidenceBundle genuine = bundle();
        Path good = dir.resolve("bundle.json");
        Files.writeString(good, JsonFormat.printer().print(genuine));
        Path keyFile = dir.resolve("archive.vkey");
        Files.writeString(keyFile, verifierKey + "\n");
        Path bad = dir.resolve("tampered.json");
        Files.writeString(bad, JsonFormat.printer().print(genuine.toBuilder().setEntries(1, genuine.getEntries(1).toBuilder()
                .setPayload(ByteString.copyFromUtf8("changed"))).build()));

        assertEquals("0 OK: 3 records of order order-1 are in the log " + ORIGIN + " at size 7", run(good.toString(), "--public-key", verifierKey));
        assertEquals("0 OK: 3 records of order order-1 are in the log " + ORIGIN + " at size 7", run(good.toString(), "--public-key", keyFile.toString()));
        assertEquals("1 FAILED: entry 1 (records/3): payload and salt do not hash to the leaf hash", run(bad.toString(), "--public-key", verifierKey));
        assertTrue(run(dir.resolve("missing.json").toString(), "--public-key", verifierKey).startsWith("1 FAILED: cannot read"));
        assertEquals("2 " + VerifyCommand.USAGE, run(good.toString()));
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8).trim();
    }

    private void assertFails(EvidenceBundle bundle, String message) {
        ProofException e = assertThrows(ProofException.class, () -> EvidenceVerifier.verify(bundle, verifierKey));
        assertEquals(message, e.getMessage());
    }

    /** Leaves 0..6; leaves 1, 3 and 5 are events of order-1. */
    EvidenceBundle bundle() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        List<TransactionRecord> records = new ArrayList<>();
        List<byte[]> salts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TransactionRecord record = TransactionRecord.newBuilder().setOrderId(i % 2 == 1 ? "order-1" : "order-" + (10 + i))
                    .setEventId("e" + i).setEvent(TransactionRecord.Event.EVENT_PAID).setBuyerRef("buyer:x").build();
            byte[] salt = new byte[16];
            salt[0] = (byte) i;
            byte[] leaf = MerkleHashes.leaf(record.toByteArray(), salt);
            leaves.add(leaf);
            salts.add(salt);
            records.add(record);
        }
        byte[] root = NaiveMerkle.root(leaves);
        String body = SignedCheckpoint.body(ORIGIN, 7, root);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        String note = body + "\n" + SignedCheckpoint.signatureLine(ORIGIN, NoteKeys.keyId(ORIGIN, NoteKeys.raw(keys.getPublic())), signer.sign());
        EvidenceBundle.Builder bundle = EvidenceBundle.newBuilder().setOrderId("order-1").setVerifierKey(verifierKey)
                .setCheckpoint(Checkpoint.newBuilder().setOrigin(ORIGIN).setTreeSize(7).setRootHash(ByteString.copyFrom(root)).setSignedNote(note));
        for (int i = 1; i < 7; i += 2) {
            EvidenceEntry.Builder entry = EvidenceEntry.newBuilder()
                    .setRecord(records.get(i).toBuilder().setName("records/" + i).setLeafIndex(i).setLeafHash(ByteString.copyFrom(leaves.get(i))))
                    .setPayload(ByteString.copyFrom(records.get(i).toByteArray())).setSalt(ByteString.copyFrom(salts.get(i)));
            NaiveMerkle.path(i, leaves).forEach(hash -> entry.addInclusionProof(ByteString.copyFrom(hash)));
            bundle.addEntries(entry);
        }
        return bundle.build();
    }
}
