package org.livecomply.sdk.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 §2.1.1 hashing: leaves are SHA-256(0x00 ‖ data), interior nodes SHA-256(0x01 ‖ left ‖ right). */
public final class MerkleHashes {

    public static final int HASH_BYTES = 32;

    private MerkleHashes() {
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(data);
    }

    /** The archive's leaf: SHA-256(0x00 ‖ payload ‖ salt). */
    public static byte[] leaf(byte[] payload, byte[] salt) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(payload);
        return digest.digest(salt);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
