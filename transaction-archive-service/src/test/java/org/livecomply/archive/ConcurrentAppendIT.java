package org.livecomply.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.livecomply.archive.ArchiveClient.READ;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.AppendRecordsResponse;
import org.livecomply.api.archive.v1.GetCheckpointRequest;
import org.livecomply.api.archive.v1.GetConsistencyProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.ListRecordsRequest;
import org.livecomply.api.archive.v1.ListRecordsResponse;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.sdk.archive.MerkleVerifier;
import org.livecomply.sdk.archive.SignedCheckpoint;

/** Four appenders at once, replaying each other's batches, keep one tree: every checkpoint seen extends the earlier ones. */
@MicronautTest(environments = "test")
class ConcurrentAppendIT extends ArchiveApiTest {

    private static final int APPENDERS = 4;
    private static final int STREAMS = 10;
    private static final int BATCH = 5;

    @Test
    void concurrentAppendersKeepOneConsistentTree() throws Exception {
        String verifierKey = client.as(READ).getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
        ExecutorService pool = Executors.newFixedThreadPool(APPENDERS + 1);
        AtomicBoolean appending = new AtomicBoolean(true);
        Map<Long, String> checkpoints = Collections.synchronizedMap(new TreeMap<>());
        Future<?> watcher = pool.submit(() -> {
            while (appending.get()) {
                String note = client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSignedNote();
                checkpoints.put(SignedCheckpoint.verify(note, verifierKey).treeSize(), note);
            }
            return null;
        });
        List<Future<List<AppendRecordResponse>>> appenders = new ArrayList<>();
        for (int a = 0; a < APPENDERS; a++) {
            int appender = a;
            appenders.add(pool.submit(() -> {
                List<AppendRecordResponse> results = new ArrayList<>();
                for (int s = 0; s < STREAMS; s++) {
                    List<TransactionRecord> batch = new ArrayList<>();
                    for (int r = 0; r < BATCH; r++) {
                        batch.add(Records.paid("c" + appender + "-" + s + "-" + r).build());
                    }
                    // Every stream also resends a batch another appender sends: replays must not grow the tree.
                    List<TransactionRecord> shared = List.of(Records.paid("shared-" + s).build());
                    AppendRecordsResponse response = client.appendStream(List.of(batch, shared));
                    results.addAll(response.getResultsList().subList(0, BATCH));
                }
                return results;
            }));
        }
        List<Long> indexes = new ArrayList<>();
        for (Future<List<AppendRecordResponse>> appender : appenders) {
            appender.get().forEach(result -> indexes.add(result.getLeafIndex()));
        }
        appending.set(false);
        watcher.get();
        pool.shutdown();

        int expected = APPENDERS * STREAMS * BATCH + STREAMS;
        Collections.sort(indexes);
        assertEquals(APPENDERS * STREAMS * BATCH, indexes.size());
        assertEquals(indexes.size(), indexes.stream().distinct().count(), "no leaf index given twice");

        List<byte[]> leaves = allLeafHashes();
        assertEquals(expected, leaves.size());
        String last = client.as(READ).getCheckpoint(GetCheckpointRequest.getDefaultInstance()).getSignedNote();
        checkpoints.put((long) expected, last);
        assertArrayEquals(NaiveMerkle.root(leaves), SignedCheckpoint.verify(last, verifierKey).rootHash());

        List<SignedCheckpoint> seen = new ArrayList<>();
        for (String note : checkpoints.values()) {
            seen.add(SignedCheckpoint.verify(note, verifierKey));
        }
        for (int i = 0; i < seen.size(); i++) {
            for (int j = i; j < seen.size(); j++) {
                SignedCheckpoint first = seen.get(i);
                SignedCheckpoint second = seen.get(j);
                if (first.treeSize() == 0) {
                    continue;
                }
                List<byte[]> proof = client.as(READ).getConsistencyProof(GetConsistencyProofRequest.newBuilder()
                        .setFirstSize(first.treeSize()).setSecondSize(second.treeSize()).build())
                        .getHashesList().stream().map(com.google.protobuf.ByteString::toByteArray).toList();
                MerkleVerifier.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(), proof);
            }
        }
        assertEquals(true, seen.size() > 2, "the watcher saw the tree grow: " + seen.size() + " checkpoints");
    }

    private List<byte[]> allLeafHashes() {
        List<byte[]> leaves = new ArrayList<>();
        String token = "";
        do {
            ListRecordsResponse page = client.as(READ).listRecords(ListRecordsRequest.newBuilder().setPageSize(200).setPageToken(token).build());
            for (TransactionRecord record : page.getRecordsList()) {
                assertEquals(leaves.size(), record.getLeafIndex(), "leaf indexes are dense and in order");
                leaves.add(record.getLeafHash().toByteArray());
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return leaves;
    }
}
