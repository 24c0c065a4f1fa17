package org.livecomply.sdk.archive;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys of C2SP signed notes: key id = SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[0..4), verifier
 * key text {@code <name>+<key id hex>+<base64(0x01 ‖ public key)>}.
 */
public final class NoteKeys {

    /** Signature algorithm byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private NoteKeys() {
    }

    /** A parsed verifier key. */
    public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

        public PublicKey javaKey() throws ProofException {
            return ed25519(publicKey);
        }
    }

    public static byte[] keyId(String name, byte[] publicKey) {
        MessageDigest digest = MerkleHashes.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        return Arrays.copyOf(digest.digest(publicKey), 4);
    }

    public static String verifierKey(String name, byte[] publicKey) {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + HexFormat.of().formatHex(keyId(name, publicKey)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    public static VerifierKey parse(String verifierKey) throws ProofException {
        String text = verifierKey == null ? "" : verifierKey.trim();
        // Key names never contain '+'; the base64 key may.
        int first = text.indexOf('+');
        int second = first <= 0 ? -1 : text.indexOf('+', first + 1);
        if (second < 0) {
            throw new ProofException("verifier key must be <name>+<key id hex>+<base64 key>");
        }
        String name = text.substring(0, first);
        byte[] keyId;
        byte[] typed;
        try {
            keyId = HexFormat.of().parseHex(text.substring(first + 1, second));
            typed = Base64.getDecoder().decode(text.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new ProofException("verifier key is malformed: " + e.getMessage());
        }
        if (keyId.length != 4 || typed.length != 33 || typed[0] != ED25519) {
            throw new ProofException("verifier key is not an Ed25519 note key");
        }
        byte[] publicKey = Arrays.copyOfRange(typed, 1, typed.length);
        if (!Arrays.equals(keyId, keyId(name, publicKey))) {
            throw new ProofException("verifier key id does not match its name and key");
        }
        return new VerifierKey(name, keyId, publicKey);
    }

    /** A JDK public key from the raw 32 bytes. */
    public static PublicKey ed25519(byte[] raw) throws ProofException {
        if (raw.length != 32) {
            throw new ProofException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_ED25519_PREFIX, X509_ED25519_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_ED25519_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new ProofException("not an Ed25519 public key: " + e.getMessage());
        }
    }

    /** The raw 32 bytes of a JDK Ed25519 public key (the tail of its X.509 encoding). */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
