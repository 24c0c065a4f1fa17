package org.livecomply.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.sdk.testing.FakeSupport.badFields;
import static org.livecomply.sdk.testing.FakeSupport.errorInfo;
import static org.livecomply.sdk.testing.FakeSupport.refused;
import static org.livecomply.sdk.testing.FakeSupport.timestamp;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.AppendRecordsRequest;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.ExportEvidenceRequest;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.GetRecordRequest;
import org.livecomply.api.archive.v1.InclusionProof;
import org.livecomply.api.archive.v1.ListRecordsRequest;
import org.livecomply.api.archive.v1.ListRecordsResponse;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.type.v1.Money;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.archive.EvidenceVerifier;
import org.livecomply.sdk.archive.MerkleHashes;
import org.livecomply.sdk.archive.MerkleVerifier;
import org.livecomply.sdk.archive.ProofException;
import org.livecomply.sdk.archive.SignedCheckpoint;

class FakeArchiveTest {

    private final FakeSupport.TestClock clock = new FakeSupport.TestClock(Instant.parse("2026-11-29T06:00:00Z"));
    private final LiveComplyFakes fakes = LiveComplyFakes.start(clock);
    private final LiveComplyClient client = fakes.client();

    @AfterEach
    void stop() {
        fakes.close();
    }

    static TransactionRecord placed(String orderId) {
        Money price = Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(5990).build();
        return TransactionRecord.newBuilder().setOrderId(orderId).setEventId("placed").setEvent(TransactionRecord.Event.EVENT_ORDER_PLACED)
                .setOccurTime(timestamp(Instant.parse("2026-11-29T05:59:00.123456789Z"))).setRoomId("room-1").setSessionId("session-1")
                .setMarketerId("marketer-1").setBuyerRef("buyer:1")
                .addItems(OrderItem.newBuilder().setSku("SKU-1").setTitle("有机大米 5kg").setQuantity(1).setAnnouncedPrice(price).setChargedPrice(price))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT).setSha256(ByteString.copyFrom(new byte[32]))
                        .setUri("oss://evidence/" + orderId + ".html").setMediaType("text/html"))
                .build();
    }

    private AppendRecordResponse append(TransactionRecord record) {
        return client.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(record).build());
    }

    @Test
    void aRecordIsArchivedOncePerOrderAndEventAndReadsBackAsAppended() {
        TransactionRecord record = placed("order-1");

        AppendRecordResponse first = append(record);
        AppendRecordResponse again = append(record);
        StatusRuntimeException changed = refused(Status.Code.ALREADY_EXISTS, () -> append(record.toBuilder().setBuyerRef("buyer:2").build()));

        assertEquals("records/0", first.getName());
        assertFalse(first.getAlreadyArchived());
        assertTrue(again.getAlreadyArchived());
        assertEquals(first.getLeafHash(), again.getLeafHash());
        assertEquals("EVENT_ALREADY_ARCHIVED", errorInfo(changed).getReason());
        TransactionRecord stored = client.archive().getRecord(GetRecordRequest.newBuilder().setName("records/0").build());
        assertEquals(record.toBuilder().setOccurTime(timestamp(Instant.parse("2026-11-29T05:59:00.123456Z"))).build(),
                stored.toBuilder().clearName().clearLeafIndex().clearLeafHash().clearAppendTime().build(), "occur time kept to the microsecond");
        assertEquals(first.getLeafHash(), stored.getLeafHash());
        assertEquals("RECORD_NOT_FOUND", errorInfo(refused(Status.Code.NOT_FOUND,
                () -> client.archive().getRecord(GetRecordRequest.newBuilder().setName("records/1").build()))).getReason());
    }

    @Test
    void badRecordsAreRefusedFieldByField() {
        TransactionRecord bad = placed("order 1").toBuilder().setBuyerRef("13812345678").clearArtefacts()
                .setItems(0, placed("o").getItems(0).toBuilder().setQuantity(0)).build();

        StatusRuntimeException refused = refused(Status.Code.INVALID_ARGUMENT, () -> append(bad));

        assertEquals(List.of("record.order_id", "record.buyer_ref", "record.items[0].quantity", "record.artefacts"), badFields(refused));
        assertEquals(List.of("record"), badFields(refused(Status.Code.INVALID_ARGUMENT,
                () -> client.archive().appendRecord(AppendRecordRequest.getDefaultInstance()))));
    }

    @Test
    void aStreamAppendsEachBatchAndARefusedBatchFailsTheCallKeepingEarlierOnes() throws Exception {
        List<TransactionRecord> batch = List.of(placed("order-a"), placed("order-b"), placed("order-a"));

        AppendRecordsResponse response = stream(List.of(AppendRecordsRequest.newBuilder().addAllRecords(batch).build())).get(10, TimeUnit.SECONDS);

        assertEquals(List.of(0L, 1L, 0L), response.getResultsList().stream().map(AppendRecordResponse::getLeafIndex).toList());
        assertEquals(List.of(false, false, true), response.getResultsList().stream().map(AppendRecordResponse::getAlreadyArchived).toList());
        ExecutionException refused = assertThrows(ExecutionException.class, () -> stream(List.of(
                AppendRecordsRequest.newBuilder().addRecords(placed("order-c")).build(),
                AppendRecordsRequest.newBuilder().addRecords(placed("order-d").toBuilder().clearRoomId()).build())).get(10, TimeUnit.SECONDS));
        assertEquals(List.of("records[0].room_id"), badFields((StatusRuntimeException) refused.getCause()));
        assertEquals(3, client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getTreeSize(), "order-c stays archived");
    }

    @Test
    void recordsListByOrderInLogOrderPageByPage() {
        for (int i = 0; i < 5; i++) {
            append(placed("order-" + (i % 2)).toBuilder().setEventId("e-" + i).build());
        }

        ListRecordsResponse first = client.archive().listRecords(ListRecordsRequest.newBuilder().setOrderId("order-0").setPageSize(2).build());
        ListRecordsResponse rest = client.archive().listRecords(ListRecordsRequest.newBuilder().setOrderId("order-0").setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());

        assertEquals(List.of(0L, 2L), first.getRecordsList().stream().map(TransactionRecord::getLeafIndex).toList());
        assertEquals(List.of(4L), rest.getRecordsList().stream().map(TransactionRecord::getLeafIndex).toList());
        assertEquals("", rest.getNextPageToken());
    }

    @Test
    void everyProofAndCheckpointVerifiesWithTheSdkVerifier() throws ProofException {
        String key = client.archive().getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
        assertEquals(fakes.archive().verifierKey(), key);
        List<byte[]> leaves = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            leaves.add(append(placed("order-" + i)).getLeafHash().toByteArray());
            Checkpoint checkpoint = client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
            SignedCheckpoint signed = SignedCheckpoint.verify(checkpoint.getSignedNote(), key);
            assertEquals(i + 1, signed.treeSize());
            assertArrayEquals(naiveRoot(leaves), signed.rootHash());
            checkpoints.add(checkpoint);
        }
        for (int size = 1; size <= leaves.size(); size++) {
            for (int leaf = 0; leaf < size; leaf++) {
                InclusionProof proof = client.archive().getInclusionProof(GetInclusionProofRequest.newBuilder().setLeafIndex(leaf).setTreeSize(size).build());
                MerkleVerifier.verifyInclusion(leaf, size, leaves.get(leaf), bytes(proof.getHashesList()),
                        SignedCheckpoint.verify(proof.getCheckpoint().getSignedNote(), key).rootHash());
            }
            for (int second = size; second <= leaves.size(); second++) {
                List<ByteString> hashes = client.archive().getConsistencyProof(GetConsistencyProofRequest.newBuilder().setFirstSize(size)
                        .setSecondSize(second).build()).getHashesList();
                MerkleVerifier.verifyConsistency(size, second, checkpoints.get(size - 1).getRootHash().toByteArray(),
                        checkpoints.get(second - 1).getRootHash().toByteArray(), bytes(hashes));
            }
        }
        StatusRuntimeException beyond = refused(Status.Code.INVALID_ARGUMENT, () -> client.archive().getInclusionProof(
                GetInclusionProofRequest.newBuilder().setLeafIndex(3).setTreeSize(99).build()));
        assertEquals("BEYOND_LOG_SIZE", errorInfo(beyond).getReason());
        assertEquals(List.of("tree_size"), badFields(beyond));
    }

    @Test
    void anOrdersEvidenceBundleVerifiesOffline() throws ProofException {
        append(placed("order-x"));
        append(placed("order-y"));
        append(placed("order-x").toBuilder().setEventId("paid").setEvent(TransactionRecord.Event.EVENT_PAID).clearItems().clearArtefacts()
                .setPayment(org.livecomply.api.archive.v1.PaymentFacts.newBuilder().setMethod("alipay").setTransactionRef("2026112922001")
                        .setAmount(Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(5990))).build());

        EvidenceBundle bundle = client.archive().exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId("order-x").build());

        assertEquals(2, bundle.getEntriesCount());
        assertEquals(3, EvidenceVerifier.verify(bundle, fakes.archive().verifierKey()).treeSize());
        assertEquals("ORDER_NOT_FOUND", errorInfo(refused(Status.Code.NOT_FOUND, () -> client.archive().exportEvidence(
                ExportEvidenceRequest.newBuilder().setOrderId("order-z").build()))).getReason());
    }

    private CompletableFuture<AppendRecordsResponse> stream(List<AppendRecordsRequest> messages) {
        CompletableFuture<AppendRecordsResponse> done = new CompletableFuture<>();
        StreamObserver<AppendRecordsRequest> stream = client.archiveAsync().appendRecords(new StreamObserver<>() {
            @Override
            public void onNext(AppendRecordsResponse value) {
                done.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        });
        messages.forEach(stream::onNext);
        stream.onCompleted();
        return done;
    }

    private static List<byte[]> bytes(List<ByteString> hashes) {
        return hashes.stream().map(ByteString::toByteArray).toList();
    }

    /** MTH as RFC 9162 §2.1.1 states it. */
    private static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHashes.node(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }
}
