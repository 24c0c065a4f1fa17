package org.livecomply.consumer.client;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.ExportEvidenceRequest;
import org.livecomply.api.archive.v1.LegalHold;
import org.livecomply.api.archive.v1.ListRecordsRequest;
import org.livecomply.api.archive.v1.ListRecordsResponse;
import org.livecomply.api.archive.v1.PlaceLegalHoldRequest;
import org.livecomply.api.archive.v1.ReleaseLegalHoldRequest;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.commons.client.DependencyCalls;
import org.livecomply.commons.client.ServiceClients;

/** transaction-archive-service as consumer-rights uses it (scopes archive.read, archive.admin for legal holds). */
@Singleton
public class ArchiveClient {

    public static final String DEPENDENCY = "archive";
    /** More records than any order or room is expected to have: beyond it the answer is refused, not truncated silently. */
    static final int MAX_RECORDS = 10_000;

    private final ServiceClients clients;

    public ArchiveClient(ServiceClients clients) {
        this.clients = clients;
    }

    /** Every record of an order, in log order. */
    public List<TransactionRecord> recordsOfOrder(String orderId) {
        return all(ListRecordsRequest.newBuilder().setOrderId(orderId));
    }

    /** Every record from a room (the archive's room_id: the platform's live account of the room), in log order. */
    public List<TransactionRecord> recordsOfRoom(String roomId) {
        return all(ListRecordsRequest.newBuilder().setRoomId(roomId));
    }

    /** The order's records with payloads, salts, inclusion proofs and a signed checkpoint. */
    public EvidenceBundle evidence(String orderId) {
        return DependencyCalls.call(DEPENDENCY, () -> stub().exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId(orderId).build()));
    }

    public LegalHold placeLegalHold(PlaceLegalHoldRequest request) {
        return DependencyCalls.call(DEPENDENCY, () -> stub().placeLegalHold(request));
    }

    public LegalHold releaseLegalHold(ReleaseLegalHoldRequest request) {
        return DependencyCalls.call(DEPENDENCY, () -> stub().releaseLegalHold(request));
    }

    private List<TransactionRecord> all(ListRecordsRequest.Builder query) {
        List<TransactionRecord> records = new ArrayList<>();
        String token = "";
        do {
            ListRecordsRequest request = query.setPageSize(200).setPageToken(token).build();
            ListRecordsResponse page = DependencyCalls.call(DEPENDENCY, () -> stub().listRecords(request));
            records.addAll(page.getRecordsList());
            token = page.getNextPageToken();
            if (records.size() > MAX_RECORDS) {
                throw new IllegalStateException("more than " + MAX_RECORDS + " archived records for " + query.getOrderId() + query.getRoomId());
            }
        } while (!token.isEmpty());
        return records;
    }

    private TransactionArchiveServiceGrpc.TransactionArchiveServiceBlockingStub stub() {
        return clients.stub(DEPENDENCY, TransactionArchiveServiceGrpc::newBlockingStub);
    }
}
