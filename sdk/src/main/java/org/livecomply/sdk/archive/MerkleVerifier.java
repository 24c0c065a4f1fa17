package org.livecomply.sdk.archive;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies RFC 9162 §2.1.3.2 inclusion proofs and §2.1.4.2 consistency proofs. Sizes and indexes are
 * unsigned in the RFC; a negative long (an unsigned value above 2^63) is refused as out of range.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /** Throws unless {@code proof} leads from {@code leafHash} at {@code leafIndex} to {@code root} of a tree of {@code treeSize}. */
    public static void verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        byte[] computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new ProofException("inclusion proof of leaf " + leafIndex + " leads to a different root than the one of tree size " + treeSize);
        }
    }

    /** The root an inclusion proof leads to (RFC 9162 §2.1.3.2 steps 1-5). */
    public static byte[] rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof)
            throws ProofException {
        if (treeSize <= 0 || leafIndex < 0 || leafIndex >= treeSize) {
            throw new ProofException("leaf index " + Long.toUnsignedString(leafIndex) + " is outside a tree of size "
                    + Long.toUnsignedString(treeSize));
        }
        requireHash("leaf hash", leafHash);
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (int i = 0; i < proof.size(); i++) {
            byte[] p = requireHash("proof hash " + i, proof.get(i));
            if (sn == 0) {
                throw new ProofException("inclusion proof has " + proof.size() + " hashes, more than a tree of size " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof has " + proof.size() + " hashes, fewer than a tree of size " + treeSize + " needs");
        }
        return r;
    }

    /** Throws unless {@code proof} shows the tree of {@code size1} (root1) is a prefix of the tree of {@code size2} (root2). */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws ProofException {
        if (size1 < 0 || size2 < 0 || size1 > size2) {
            throw new ProofException("first size " + Long.toUnsignedString(size1) + " is larger than second size "
                    + Long.toUnsignedString(size2));
        }
        if (size1 == 0) {
            // Every tree extends the empty one: such a proof would prove nothing, so none is accepted.
            throw new ProofException("a consistency proof from the empty tree proves nothing");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("equal sizes need an empty consistency proof, not " + proof.size() + " hashes");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new ProofException("equal sizes " + size1 + " but different roots");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("consistency proof from " + size1 + " to " + size2 + " is empty");
        }
        requireHash("first root", root1);
        requireHash("second root", root2);
        // RFC 9162 §2.1.4.2: a power-of-two first tree is itself a node of the second; its root starts the path.
        boolean prepend = (size1 & (size1 - 1)) == 0;
        int offset = prepend ? 0 : 1;
        byte[] first = prepend ? root1 : requireHash("proof hash 0", proof.get(0));
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (int i = offset; i < proof.size(); i++) {
            byte[] c = requireHash("proof hash " + i, proof.get(i));
            if (sn == 0) {
                throw new ProofException("consistency proof has " + proof.size() + " hashes, more than sizes " + size1 + " and " + size2 + " need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("consistency proof has " + proof.size() + " hashes, fewer than sizes " + size1 + " and " + size2 + " need");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("consistency proof does not lead to the root of tree size " + size1);
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("consistency proof does not lead to the root of tree size " + size2);
        }
    }

    private static byte[] requireHash(String what, byte[] hash) throws ProofException {
        if (hash == null || hash.length != MerkleHashes.HASH_BYTES) {
            throw new ProofException(what + " must be " + MerkleHashes.HASH_BYTES + " bytes, not " + (hash == null ? 0 : hash.length));
        }
        return hash;
    }
}
