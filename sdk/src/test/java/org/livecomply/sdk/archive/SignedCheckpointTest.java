package org.livecomply.sdk.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {

    private static final String ORIGIN = "livecomply.example/transaction-archive";
    private static final byte[] ROOT = MerkleHashes.leaf("root".getBytes(StandardCharsets.UTF_8));

    private final KeyPair keys = generate();
    private final String verifierKey = NoteKeys.verifierKey(ORIGIN, NoteKeys.raw(keys.getPublic()));

    @Test
    void aSignedCheckpointVerifiesAndParses() throws Exception {
        String note = sign(SignedCheckpoint.body(ORIGIN, 42, ROOT));
        assertTrue(note.startsWith(ORIGIN + "\n42\n"), note);
        assertTrue(note.contains("\n\n\u2014 " + ORIGIN + " "), note);

        SignedCheckpoint checkpoint = SignedCheckpoint.verify(note, verifierKey);
        assertEquals(ORIGIN, checkpoint.origin());
        assertEquals(42, checkpoint.treeSize());
        assertArrayEquals(ROOT, checkpoint.rootHash());
    }

    @Test
    void aChangedSizeOrRootOrAnotherKeyIsRejected() throws Exception {
        String note = sign(SignedCheckpoint.body(ORIGIN, 42, ROOT));
        ProofException size = assertThrows(ProofException.class, () -> SignedCheckpoint.verify(note.replace("\n42\n", "\n43\n"), verifierKey));
        assertTrue(size.getMessage().contains("does not verify"), size.getMessage());
        assertThrows(ProofException.class, () -> SignedCheckpoint.verify(note.replaceFirst("\n[A-Za-z0-9]", "\nQ"), verifierKey));

        String otherKey = NoteKeys.verifierKey(ORIGIN, NoteKeys.raw(generate().getPublic()));
        ProofException wrongKey = assertThrows(ProofException.class, () -> SignedCheckpoint.verify(note, otherKey));
        assertTrue(wrongKey.getMessage().contains("no signature by"), wrongKey.getMessage());

        String unsigned = SignedCheckpoint.body(ORIGIN, 42, ROOT);
        assertThrows(ProofException.class, () -> SignedCheckpoint.verify(unsigned, verifierKey));
    }

    @Test
    void aMalformedOrForgedVerifierKeyIsRejected() {
        assertThrows(ProofException.class, () -> NoteKeys.parse("no-plus-signs"));
        String forged = verifierKey.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        ProofException e = assertThrows(ProofException.class, () -> NoteKeys.parse(forged));
        assertTrue(e.getMessage().contains("key id"), e.getMessage());
    }

    private String sign(String body) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        byte[] keyId = NoteKeys.keyId(ORIGIN, NoteKeys.raw(keys.getPublic()));
        return body + "\n" + SignedCheckpoint.signatureLine(ORIGIN, keyId, signer.sign());
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
