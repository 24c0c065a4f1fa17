package org.livecomply.sdk.archive;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.MessageDigest;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.EvidenceEntry;
import org.livecomply.api.archive.v1.TransactionRecord;

/**
 * Checks an evidence bundle offline (ECL Art. 62): the checkpoint is signed by the given key; each
 * record's payload and salt hash to its leaf (and the payload is the record shown); each leaf is in the
 * checkpoint's tree. Erased records (after retention) are checked by their leaf hash alone.
 */
public final class EvidenceVerifier {

    private EvidenceVerifier() {
    }

    /** The verified checkpoint; throws with the exact first failure. */
    public static SignedCheckpoint verify(EvidenceBundle bundle, String verifierKey) throws ProofException {
        SignedCheckpoint checkpoint = SignedCheckpoint.verify(bundle.getCheckpoint().getSignedNote(), verifierKey);
        if (bundle.getEntriesCount() == 0) {
            throw new ProofException("the bundle holds no records");
        }
        for (int i = 0; i < bundle.getEntriesCount(); i++) {
            EvidenceEntry entry = bundle.getEntries(i);
            TransactionRecord record = entry.getRecord();
            String where = "entry " + i + " (" + record.getName() + ")";
            if (!record.getOrderId().equals(bundle.getOrderId())) {
                throw new ProofException(where + " belongs to order " + record.getOrderId() + ", not " + bundle.getOrderId());
            }
            byte[] leafHash = record.getLeafHash().toByteArray();
            if (!entry.getPayload().isEmpty()) {
                byte[] recomputed = MerkleHashes.leaf(entry.getPayload().toByteArray(), entry.getSalt().toByteArray());
                if (!MessageDigest.isEqual(recomputed, leafHash)) {
                    throw new ProofException(where + ": payload and salt do not hash to the leaf hash");
                }
                if (!shown(record).equals(payload(entry.getPayload(), where))) {
                    throw new ProofException(where + ": the record shown differs from the payload the leaf hash covers");
                }
            }
            try {
                MerkleVerifier.verifyInclusion(record.getLeafIndex(), checkpoint.treeSize(), leafHash,
                        entry.getInclusionProofList().stream().map(ByteString::toByteArray).toList(), checkpoint.rootHash());
            } catch (ProofException e) {
                throw new ProofException(where + ": " + e.getMessage());
            }
        }
        return checkpoint;
    }

    private static TransactionRecord shown(TransactionRecord record) {
        return record.toBuilder().clearName().clearLeafIndex().clearLeafHash().clearAppendTime().build();
    }

    private static TransactionRecord payload(ByteString payload, String where) throws ProofException {
        try {
            return TransactionRecord.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new ProofException(where + ": payload is not a TransactionRecord");
        }
    }
}
