package org.livecomply.archive.domain;

import java.util.List;

/** An order's records with their inclusion proofs, all for one signed checkpoint. */
public record Evidence(String orderId, Checkpoint checkpoint, List<Item> items) {

    /** One record and its audit path. */
    public record Item(StoredRecord record, List<byte[]> inclusionProof) {
    }
}
