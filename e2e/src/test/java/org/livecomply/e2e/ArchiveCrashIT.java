package org.livecomply.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.AppendRecordsRequest;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.Checkpoint;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.GetRecordRequest;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.archive.v1.VerifyLogRequest;
import org.livecomply.api.type.v1.Money;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.archive.MerkleVerifier;
import org.livecomply.sdk.archive.SignedCheckpoint;
import org.livecomply.testsupport.ServiceProcess;

/**
 * The archive killed with SIGKILL while platforms stream appends into it (issue 8): every record it
 * acknowledged is there after the restart under the same leaf index, the log is intact, its next signed
 * checkpoint is consistent with the one before, and resending everything that was in flight doubles nothing.
 */
class ArchiveCrashIT {

    private static final int WRITERS = 3;
    private static final int MESSAGES_PER_STREAM = 4;
    private static final int RECORDS_PER_MESSAGE = 50;

    private static ServiceProcess archive;

    @BeforeAll
    static void start() {
        archive = Suite.start("archive-crash", "transaction-archive-service");
    }

    @AfterAll
    static void stop() {
        archive.stop();
    }

    @Test
    void aKillInTheMiddleOfAppendsLosesNoAcknowledgedRecord() throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, TransactionRecord> sent = new ConcurrentHashMap<>();
        Checkpoint before;
        String verifierKey;
        try (LiveComplyClient client = Suite.client(archive, "archive.append", "archive.read")) {
            verifierKey = client.archive().getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
            acknowledged.putAll(appendStream(client, "warm-up", sent));
            before = client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance());

            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                String writer = "writer-" + w;
                writers.submit(() -> {
                    for (int stream = 0; ; stream++) {
                        acknowledged.putAll(appendStream(client, writer + "-" + stream, sent));
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (acknowledged.size() < 2_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            archive.kill();
            writers.shutdownNow();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS), "writers did not notice the archive was gone");
        }
        assertTrue(acknowledged.size() >= 2_000, "only " + acknowledged.size() + " records acknowledged before the kill");
        assertTrue(sent.size() > acknowledged.size(), "the kill should have caught records in flight");

        archive.start();
        try (LiveComplyClient client = Suite.client(archive, "archive.append", "archive.read", "archive.admin")) {
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                TransactionRecord stored = client.archive().getRecord(GetRecordRequest.newBuilder().setName("records/" + ack.getValue()).build());
                assertEquals(ack.getKey(), stored.getOrderId(), "leaf " + ack.getValue());
            }
            assertTrue(client.archive().verifyLog(VerifyLogRequest.getDefaultInstance()).getIntact());

            Checkpoint after = client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
            assertConsistent(client, before, after, verifierKey);

            List<TransactionRecord> everything = new ArrayList<>(sent.values());
            long resentAsNew = 0;
            for (int i = 0; i < everything.size(); i += RECORDS_PER_MESSAGE) {
                List<TransactionRecord> batch = everything.subList(i, Math.min(i + RECORDS_PER_MESSAGE, everything.size()));
                List<AppendRecordResponse> results = appendAll(client, batch).getResultsList();
                assertEquals(batch.size(), results.size());
                for (int r = 0; r < results.size(); r++) {
                    AppendRecordResponse result = results.get(r);
                    String order = batch.get(r).getOrderId();
                    if (acknowledged.containsKey(order)) {
                        assertTrue(result.getAlreadyArchived(), order + " was acknowledged, so it must be there already");
                        assertEquals(acknowledged.get(order), result.getLeafIndex(), order);
                    }
                    resentAsNew += result.getAlreadyArchived() ? 0 : 1;
                }
            }
            Checkpoint resentCheckpoint = client.archive().getCheckpoint(GetCheckpointRequest.getDefaultInstance());
            assertEquals(sent.size(), resentCheckpoint.getTreeSize(), "each record sent is in the log exactly once");
            assertEquals(sent.size() - after.getTreeSize(), resentAsNew);
            assertConsistent(client, after, resentCheckpoint, verifierKey);
        }
    }

    private static void assertConsistent(LiveComplyClient client, Checkpoint first, Checkpoint second, String verifierKey) throws Exception {
        SignedCheckpoint signed = SignedCheckpoint.verify(second.getSignedNote(), verifierKey);
        assertEquals(second.getTreeSize(), signed.treeSize());
        assertTrue(second.getTreeSize() >= first.getTreeSize());
        List<byte[]> proof = client.archive().getConsistencyProof(GetConsistencyProofRequest.newBuilder()
                .setFirstSize(first.getTreeSize()).setSecondSize(second.getTreeSize()).build())
                .getHashesList().stream().map(ByteString::toByteArray).toList();
        MerkleVerifier.verifyConsistency(first.getTreeSize(), second.getTreeSize(), first.getRootHash().toByteArray(),
                signed.rootHash(), proof);
    }

    /** One AppendRecords stream of several messages; order id → leaf index once the stream is acknowledged. */
    private static Map<String, Long> appendStream(LiveComplyClient client, String prefix, Map<String, TransactionRecord> sent)
            throws Exception {
        List<TransactionRecord> records = new ArrayList<>();
        for (int i = 0; i < MESSAGES_PER_STREAM * RECORDS_PER_MESSAGE; i++) {
            records.add(record(prefix + "-" + i));
        }
        records.forEach(r -> sent.put(r.getOrderId(), r));
        CompletableFuture<AppendRecordsResponse> done = new CompletableFuture<>();
        StreamObserver<AppendRecordsRequest> stream = client.archiveAsync().appendRecords(observer(done));
        for (int m = 0; m < MESSAGES_PER_STREAM; m++) {
            stream.onNext(AppendRecordsRequest.newBuilder()
                    .addAllRecords(records.subList(m * RECORDS_PER_MESSAGE, (m + 1) * RECORDS_PER_MESSAGE)).build());
        }
        stream.onCompleted();
        List<AppendRecordResponse> results = done.get(60, TimeUnit.SECONDS).getResultsList();
        Map<String, Long> leaves = new java.util.HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            leaves.put(records.get(i).getOrderId(), results.get(i).getLeafIndex());
        }
        return leaves;
    }

    private static AppendRecordsResponse appendAll(LiveComplyClient client, List<TransactionRecord> records) throws Exception {
        CompletableFuture<AppendRecordsResponse> done = new CompletableFuture<>();
        StreamObserver<AppendRecordsRequest> stream = client.archiveAsync().appendRecords(observer(done));
        stream.onNext(AppendRecordsRequest.newBuilder().addAllRecords(records).build());
        stream.onCompleted();
        return done.get(60, TimeUnit.SECONDS);
    }

    private static StreamObserver<AppendRecordsResponse> observer(CompletableFuture<AppendRecordsResponse> done) {
        return new StreamObserver<>() {
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
        };
    }

    private static TransactionRecord record(String orderId) {
        return TransactionRecord.newBuilder()
                .setOrderId(orderId).setEventId("placed").setEvent(TransactionRecord.Event.EVENT_ORDER_PLACED)
                .setOccurTime(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() - 60))
                .setRoomId("room-e2e").setSessionId("session-e2e").setMarketerId("marketer-e2e").setBuyerRef("buyer:e2e")
                .addItems(OrderItem.newBuilder().setSku("SKU-1").setTitle("有机大米 5kg").setQuantity(1)
                        .setAnnouncedPrice(Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(5990))
                        .setChargedPrice(Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(5990)))
                .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT)
                        .setSha256(ByteString.copyFrom(new byte[32])).setUri("oss://evidence/pages/" + orderId + ".html")
                        .setMediaType("text/html"))
                .build();
    }
}
