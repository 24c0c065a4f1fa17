package org.livecomply.archive.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.archive.domain.Checkpoint;
import org.livecomply.archive.domain.Evidence;
import org.livecomply.archive.domain.RecordQuery;
import org.livecomply.archive.domain.StoredRecord;
import org.livecomply.archive.repository.RecordStore;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.error.NotFoundException;

/** Evidence bundles of one order, for consumers' disputes and regulators (Arts. 18, 21; ECL Art. 62). */
@Singleton
public class EvidenceService {

    public static final int MAX_RECORDS = 1000;

    private final RecordStore records;
    private final ProofService proofs;

    public EvidenceService(RecordStore records, ProofService proofs) {
        this.records = records;
        this.proofs = proofs;
    }

    /** Everything in one snapshot: the checkpoint covers every record read. */
    @Transactional(readOnly = true)
    public Evidence export(String orderId) {
        Checkpoint checkpoint = proofs.checkpoint(0);
        List<StoredRecord> found = records.page(new RecordQuery(orderId, null, null, null, null, null), -1, MAX_RECORDS + 1);
        if (found.isEmpty()) {
            throw new NotFoundException(RetentionService.ORDER_NOT_FOUND, "orders/" + orderId);
        }
        if (found.size() > MAX_RECORDS) {
            throw InvalidArgumentException.of("order_id", "order " + orderId + " has more than " + MAX_RECORDS
                    + " records: export them with ListRecords and GetInclusionProof");
        }
        List<List<byte[]>> paths = proofs.paths(found.stream().map(StoredRecord::leafIndex).toList(), checkpoint.treeSize());
        List<Evidence.Item> items = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            items.add(new Evidence.Item(found.get(i), paths.get(i)));
        }
        return new Evidence(orderId, checkpoint, items);
    }
}
