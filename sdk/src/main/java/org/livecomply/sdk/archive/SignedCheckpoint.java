package org.livecomply.sdk.archive;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * A C2SP tlog checkpoint in a C2SP signed note:
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size&gt;
 * &lt;base64 root hash&gt;
 *
 * — &lt;key name&gt; &lt;base64(key id ‖ Ed25519 signature of the lines above the blank line)&gt;
 * </pre>
 */
public record SignedCheckpoint(String origin, long treeSize, byte[] rootHash) {

    static final String SIGNATURE_PREFIX = "\u2014 ";

    /** The note text that is signed: three lines, each ending in a newline. */
    public static String body(String origin, long treeSize, byte[] rootHash) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The signature line for {@code body} signed by the key {@code keyName}. */
    public static String signatureLine(String keyName, byte[] keyId, byte[] signature) {
        byte[] both = Arrays.copyOf(keyId, keyId.length + signature.length);
        System.arraycopy(signature, 0, both, keyId.length, signature.length);
        return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(both) + "\n";
    }

    /** Parses {@code note} and checks its signature by {@code verifierKey}; throws with the exact failure. */
    public static SignedCheckpoint verify(String note, String verifierKey) throws ProofException {
        NoteKeys.VerifierKey key = NoteKeys.parse(verifierKey);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new ProofException("checkpoint note has no signature block");
        }
        String body = note.substring(0, split + 1);
        boolean signed = false;
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new ProofException("checkpoint note has a malformed signature line");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(key.name())) {
                continue;
            }
            byte[] both;
            try {
                both = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new ProofException("checkpoint signature is not base64");
            }
            if (both.length != 4 + 64 || !MessageDigest.isEqual(Arrays.copyOf(both, 4), key.keyId())) {
                continue;
            }
            if (!ed25519Verifies(key, body, Arrays.copyOfRange(both, 4, both.length))) {
                throw new ProofException("checkpoint signature by " + key.name() + " does not verify");
            }
            signed = true;
        }
        if (!signed) {
            throw new ProofException("checkpoint note carries no signature by " + key.name());
        }
        return parseBody(body, key.name());
    }

    private static SignedCheckpoint parseBody(String body, String expectedOrigin) throws ProofException {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4) {
            throw new ProofException("checkpoint body must have origin, size and root lines");
        }
        if (!lines[0].equals(expectedOrigin)) {
            throw new ProofException("checkpoint origin " + lines[0] + " is not " + expectedOrigin);
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("checkpoint size or root is malformed");
        }
        if (size < 0 || root.length != MerkleHashes.HASH_BYTES || !lines[1].equals(Long.toString(size))) {
            throw new ProofException("checkpoint size or root is malformed");
        }
        return new SignedCheckpoint(lines[0], size, root);
    }

    private static boolean ed25519Verifies(NoteKeys.VerifierKey key, String body, byte[] signature) throws ProofException {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.javaKey());
            verifier.update(body.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
