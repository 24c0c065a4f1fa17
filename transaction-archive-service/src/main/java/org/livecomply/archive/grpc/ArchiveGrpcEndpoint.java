package org.livecomply.archive.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.AppendRecordsRequest;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.ConsistencyProof;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.EvidenceEntry;
import org.livecomply.api.archive.v1.ExportEvidenceRequest;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.GetRecordRequest;
import org.livecomply.api.archive.v1.InclusionProof;
import org.livecomply.api.archive.v1.LegalHold;
import org.livecomply.api.archive.v1.PlaceLegalHoldRequest;
import org.livecomply.api.archive.v1.ReleaseLegalHoldRequest;
import org.livecomply.api.archive.v1.VerifyLogRequest;
import org.livecomply.api.archive.v1.VerifyLogResponse;
import org.livecomply.api.archive.v1.ListRecordsRequest;
import org.livecomply.api.archive.v1.ListRecordsResponse;
import org.livecomply.api.archive.v1.PublicKey;
import org.livecomply.api.archive.v1.TransactionArchiveServiceGrpc;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.archive.domain.Evidence;
import org.livecomply.archive.domain.LogVerification;
import org.livecomply.archive.domain.NewRecord;
import org.livecomply.archive.domain.RecordQuery;
import org.livecomply.archive.domain.StoredRecord;
import org.livecomply.archive.service.ArchiveService;
import org.livecomply.archive.service.CheckpointSigner;
import org.livecomply.archive.service.EvidenceService;
import org.livecomply.archive.service.LogVerifier;
import org.livecomply.archive.service.ProofService;
import org.livecomply.archive.service.RetentionService;
import org.livecomply.commons.error.Violations;
import org.livecomply.commons.idempotency.RequestFingerprints;
import org.livecomply.commons.paging.PageSize;
import org.livecomply.commons.paging.PagedResult;

/** The TransactionArchiveService gRPC API: checks and translates requests, nothing else. */
@Singleton
public class ArchiveGrpcEndpoint extends TransactionArchiveServiceGrpc.TransactionArchiveServiceImplBase {

    static final int MAX_BATCH = 1000;
    private static final Pattern RECORD_NAME = Pattern.compile("records/(0|[1-9][0-9]{0,17})");

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HOLD_NAME = Pattern.compile(
            "legalHolds/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ArchiveService archive;
    private final ProofService proofs;
    private final CheckpointSigner signer;
    private final RetentionService retention;
    private final LogVerifier verifier;
    private final EvidenceService evidence;
    private final RequestFingerprints fingerprints;

    public ArchiveGrpcEndpoint(ArchiveService archive, ProofService proofs, CheckpointSigner signer, RetentionService retention,
                               LogVerifier verifier, EvidenceService evidence, RequestFingerprints fingerprints) {
        this.evidence = evidence;
        this.archive = archive;
        this.proofs = proofs;
        this.signer = signer;
        this.retention = retention;
        this.verifier = verifier;
        this.fingerprints = fingerprints;
    }

    @Override
    public void appendRecord(AppendRecordRequest request, StreamObserver<AppendRecordResponse> response) {
        Violations violations = new Violations().when(!request.hasRecord(), "record", "record is required");
        NewRecord record = request.hasRecord() ? RecordChecks.check(request.getRecord(), "record.", archive.now(), violations) : null;
        violations.throwIfAny();
        reply(response, RecordMapper.toProto(archive.append(List.of(record)).get(0)));
    }

    @Override
    public StreamObserver<AppendRecordsRequest> appendRecords(StreamObserver<AppendRecordsResponse> response) {
        AppendRecordsResponse.Builder results = AppendRecordsResponse.newBuilder();
        return new StreamObserver<>() {
            // Set when a batch was refused: the call is closed with that refusal; later messages and the half-close are ignored.
            private boolean refused;

            @Override
            public void onNext(AppendRecordsRequest batch) {
                if (refused) {
                    return;
                }
                try {
                    // Each message commits on its own before the next is read (Art. 16: nothing acknowledged is lost).
                    archive.append(checked(batch)).forEach(result -> results.addResults(RecordMapper.toProto(result)));
                } catch (RuntimeException e) {
                    refused = true;
                    throw e;
                }
            }

            @Override
            public void onError(Throwable cancelled) {
                // The client went away; what was committed stays, and a resend is idempotent.
            }

            @Override
            public void onCompleted() {
                if (!refused) {
                    reply(response, results.build());
                }
            }
        };
    }

    private List<NewRecord> checked(AppendRecordsRequest batch) {
        Violations violations = new Violations()
                .when(batch.getRecordsCount() == 0, "records", "records must hold 1.." + MAX_BATCH + " records")
                .when(batch.getRecordsCount() > MAX_BATCH, "records", "records must hold 1.." + MAX_BATCH + " records, not " + batch.getRecordsCount());
        violations.throwIfAny();
        Instant now = archive.now();
        List<NewRecord> records = new ArrayList<>();
        for (int i = 0; i < batch.getRecordsCount(); i++) {
            records.add(RecordChecks.check(batch.getRecords(i), "records[" + i + "].", now, violations));
        }
        violations.throwIfAny();
        return records;
    }

    @Override
    public void getRecord(GetRecordRequest request, StreamObserver<TransactionRecord> response) {
        new Violations().text("name", request.getName(), 1, 30)
                .matches("name", request.getName(), RECORD_NAME, "records/{leaf_index}")
                .throwIfAny();
        long index = Long.parseLong(request.getName().substring(StoredRecord.COLLECTION.length()));
        reply(response, RecordMapper.toProto(archive.get(index)));
    }

    @Override
    public void listRecords(ListRecordsRequest request, StreamObserver<ListRecordsResponse> response) {
        Violations violations = PageSize.check(request.getPageSize(), new Violations());
        RecordChecks.id(violations, "order_id", request.getOrderId(), 0, 64);
        RecordChecks.id(violations, "room_id", request.getRoomId(), 0, 64);
        RecordChecks.id(violations, "session_id", request.getSessionId(), 0, 64);
        RecordChecks.id(violations, "marketer_id", request.getMarketerId(), 0, 64);
        Instant from = request.hasOccurStartTime() ? ProtoValues.instant(request.getOccurStartTime(), "occur_start_time", violations) : null;
        Instant until = request.hasOccurEndTime() ? ProtoValues.instant(request.getOccurEndTime(), "occur_end_time", violations) : null;
        violations.when(from != null && until != null && !from.isBefore(until), "occur_end_time", "occur_end_time must be after occur_start_time");
        violations.throwIfAny();
        RecordQuery query = new RecordQuery(emptyToNull(request.getOrderId()), emptyToNull(request.getRoomId()),
                emptyToNull(request.getSessionId()), emptyToNull(request.getMarketerId()), from, until);
        PagedResult<StoredRecord> page = archive.list(query, PageSize.resolve(request.getPageSize()), request.getPageToken());
        ListRecordsResponse.Builder reply = ListRecordsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(record -> reply.addRecords(RecordMapper.toProto(record)));
        reply(response, reply.build());
    }

    @Override
    public void getCheckpoint(GetCheckpointRequest request, StreamObserver<Checkpoint> response) {
        new Violations().when(request.getTreeSize() < 0, "tree_size", "tree_size must not be negative").throwIfAny();
        reply(response, checkpoint(proofs.checkpoint(request.getTreeSize())));
    }

    @Override
    public void getPublicKey(GetPublicKeyRequest request, StreamObserver<PublicKey> response) {
        reply(response, PublicKey.newBuilder().setOrigin(signer.origin())
                .setEd25519PublicKey(ProtoValues.bytes(signer.publicKey())).setVerifierKey(signer.verifierKey()).build());
    }

    @Override
    public void getInclusionProof(GetInclusionProofRequest request, StreamObserver<InclusionProof> response) {
        new Violations().when(request.getLeafIndex() < 0, "leaf_index", "leaf_index must not be negative")
                .when(request.getTreeSize() < 0, "tree_size", "tree_size must not be negative")
                .when(request.getTreeSize() > 0 && request.getTreeSize() <= request.getLeafIndex(), "tree_size",
                        "tree_size must be greater than leaf_index (or 0 for the current tree)")
                .throwIfAny();
        org.livecomply.archive.domain.InclusionProof proof = proofs.inclusion(request.getLeafIndex(), request.getTreeSize());
        InclusionProof.Builder reply = InclusionProof.newBuilder().setLeafIndex(proof.leafIndex()).setTreeSize(proof.treeSize())
                .setLeafHash(ProtoValues.bytes(proof.leafHash())).setCheckpoint(checkpoint(proof.checkpoint()));
        proof.hashes().forEach(hash -> reply.addHashes(ProtoValues.bytes(hash)));
        reply(response, reply.build());
    }

    @Override
    public void getConsistencyProof(GetConsistencyProofRequest request, StreamObserver<ConsistencyProof> response) {
        new Violations().when(request.getFirstSize() < 1, "first_size", "first_size must be at least 1")
                .when(request.getSecondSize() < 1, "second_size", "second_size must be at least 1")
                .when(request.getSecondSize() >= 1 && request.getFirstSize() > request.getSecondSize(), "first_size",
                        "first_size must not exceed second_size")
                .throwIfAny();
        ConsistencyProof.Builder reply = ConsistencyProof.newBuilder()
                .setFirstSize(request.getFirstSize()).setSecondSize(request.getSecondSize());
        proofs.consistency(request.getFirstSize(), request.getSecondSize()).forEach(hash -> reply.addHashes(ProtoValues.bytes(hash)));
        reply(response, reply.build());
    }

    @Override
    public void exportEvidence(ExportEvidenceRequest request, StreamObserver<EvidenceBundle> response) {
        RecordChecks.id(new Violations(), "order_id", request.getOrderId(), 1, 64).throwIfAny();
        Evidence found = evidence.export(request.getOrderId());
        EvidenceBundle.Builder bundle = EvidenceBundle.newBuilder().setOrderId(found.orderId())
                .setCheckpoint(checkpoint(found.checkpoint())).setVerifierKey(signer.verifierKey());
        for (Evidence.Item item : found.items()) {
            EvidenceEntry.Builder entry = bundle.addEntriesBuilder().setRecord(RecordMapper.toProto(item.record()));
            if (!item.record().erased()) {
                entry.setPayload(ProtoValues.bytes(item.record().payload())).setSalt(ProtoValues.bytes(item.record().salt()));
            }
            item.inclusionProof().forEach(hash -> entry.addInclusionProof(ProtoValues.bytes(hash)));
        }
        reply(response, bundle.build());
    }

    @Override
    public void placeLegalHold(PlaceLegalHoldRequest request, StreamObserver<LegalHold> response) {
        Violations violations = requestId(request.getRequestId())
                .when(!request.hasLegalHold(), "legal_hold", "legal_hold is required");
        LegalHold hold = request.getLegalHold();
        if (request.hasLegalHold()) {
            RecordChecks.id(violations, "legal_hold.order_id", hold.getOrderId(), 1, 64)
                    .text("legal_hold.reason", hold.getReason(), 1, 500)
                    .text("legal_hold.case_reference", hold.getCaseReference(), 1, 128);
        }
        violations.throwIfAny();
        reply(response, legalHold(retention.place(request.getRequestId(), fingerprints.of(request), hold.getOrderId(),
                hold.getReason(), hold.getCaseReference())));
    }

    @Override
    public void releaseLegalHold(ReleaseLegalHoldRequest request, StreamObserver<LegalHold> response) {
        requestId(request.getRequestId()).text("name", request.getName(), 1, 100)
                .matches("name", request.getName(), HOLD_NAME, "legalHolds/{uuid}")
                .throwIfAny();
        String id = request.getName().substring(org.livecomply.archive.domain.LegalHold.COLLECTION.length());
        reply(response, legalHold(retention.release(request.getRequestId(), fingerprints.of(request), id)));
    }

    @Override
    public void verifyLog(VerifyLogRequest request, StreamObserver<VerifyLogResponse> response) {
        LogVerification result = verifier.verify();
        reply(response, VerifyLogResponse.newBuilder().setTreeSize(result.treeSize()).setIntact(result.intact())
                .setFirstMismatch(result.intact() ? "" : result.firstMismatch()).setRecomputedLeaves(result.recomputedLeaves()).build());
    }

    private static Violations requestId(String requestId) {
        return new Violations().text("request_id", requestId, 1, 64)
                .matches("request_id", requestId, REQUEST_ID, "1..64 of [A-Za-z0-9_-]");
    }

    private static LegalHold legalHold(org.livecomply.archive.domain.LegalHold hold) {
        LegalHold.Builder proto = LegalHold.newBuilder().setName(hold.name()).setOrderId(hold.orderId()).setReason(hold.reason())
                .setCaseReference(hold.caseReference())
                .setState(hold.active() ? LegalHold.State.STATE_ACTIVE : LegalHold.State.STATE_RELEASED)
                .setPlaceTime(ProtoValues.timestamp(hold.placeTime()));
        if (hold.releaseTime() != null) {
            proto.setReleaseTime(ProtoValues.timestamp(hold.releaseTime()));
        }
        return proto.build();
    }

    private static Checkpoint checkpoint(org.livecomply.archive.domain.Checkpoint checkpoint) {
        return Checkpoint.newBuilder().setOrigin(checkpoint.origin()).setTreeSize(checkpoint.treeSize())
                .setRootHash(ProtoValues.bytes(checkpoint.rootHash())).setSignedNote(checkpoint.signedNote()).build();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }
}
