package org.livecomply.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.archive.ArchiveClient.READ;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordResponse;
import org.livecomply.api.archive.v1.EvidenceBundle;
import org.livecomply.api.archive.v1.ExportEvidenceRequest;
import org.livecomply.api.archive.v1.GetInclusionProofRequest;
import org.livecomply.api.archive.v1.GetPublicKeyRequest;
import org.livecomply.api.archive.v1.GetRecordRequest;
import org.livecomply.api.archive.v1.InclusionProof;
import org.livecomply.api.archive.v1.LegalHold;
import org.livecomply.api.archive.v1.PlaceLegalHoldRequest;
import org.livecomply.api.archive.v1.ReleaseLegalHoldRequest;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.archive.v1.VerifyLogRequest;
import org.livecomply.api.archive.v1.VerifyLogResponse;
import org.livecomply.archive.service.RetentionService;
import org.livecomply.sdk.archive.EvidenceVerifier;
import org.livecomply.sdk.archive.MerkleVerifier;
import org.livecomply.sdk.archive.SignedCheckpoint;

/**
 * Retention at its boundaries (Art. 16: ≥ 3 years after completion; LEGAL.md A-1: after-sales restarts
 * the clock, holds block the purge), and proofs that still verify after the payload is erased (PIPL Art. 47).
 * The purge runs when the test calls it (outside any test transaction, as the job would); the clock
 * stands at {@link TestClock#NOW}.
 */
@MicronautTest(environments = "test", transactional = false)
class RetentionIT extends ArchiveApiTest {

    private static final String ADMIN = "archive.admin";

    @Inject
    RetentionService retention;

    @Test
    void retentionEndsExactlyThreeYearsAfterCompletionAndAfterSalesRestartsIt() throws Exception {
        Instant threeYearsAgo = TestClock.NOW.atOffset(ZoneOffset.UTC).minusYears(3).toInstant();
        String due = order(threeYearsAgo, TransactionRecord.Event.EVENT_COMPLETED);
        String notYet = order(threeYearsAgo.plusNanos(1000), TransactionRecord.Event.EVENT_COMPLETED);
        String closedAfterSales = order(threeYearsAgo.minusSeconds(86400 * 365), TransactionRecord.Event.EVENT_AFTER_SALES_CLOSED);
        String restarted = order(threeYearsAgo.minusSeconds(86400 * 365), TransactionRecord.Event.EVENT_COMPLETED);
        client.append(event(restarted, "return", TransactionRecord.Event.EVENT_RETURN_REQUESTED, threeYearsAgo.plusSeconds(86400)));
        String open = Records.uniqueOrder();
        AppendRecordResponse openPlaced = client.append(Records.placed(open)
                .setOccurTime(timestamp(threeYearsAgo.minusSeconds(86400 * 800))).build());

        List<String> purged = retention.purgeDue(1000);

        assertTrue(purged.contains(due), "completed exactly 3 years ago: due");
        assertTrue(purged.contains(closedAfterSales), "after-sales closed 4 years ago counts as completion");
        assertFalse(purged.contains(notYet), "one microsecond short of 3 years: kept");
        assertFalse(purged.contains(restarted), "a return a year after completion restarted the clock");
        assertFalse(purged.contains(open), "never completed: kept");
        TransactionRecord kept = client.as(READ).getRecord(GetRecordRequest.newBuilder().setName(openPlaced.getName()).build());
        assertEquals("buyer:9f2c1a", kept.getBuyerRef());
        assertEquals(List.of(), retention.purgeDue(1000), "a second run finds nothing more");
    }

    @Test
    void aPurgeErasesPayloadAndSaltButEveryProofStillVerifies() throws Exception {
        String order = Records.uniqueOrder();
        Instant longAgo = TestClock.NOW.atOffset(ZoneOffset.UTC).minusYears(5).toInstant();
        AppendRecordResponse placed = client.append(Records.placed(order).setOccurTime(timestamp(longAgo)).build());
        client.append(event(order, "done", TransactionRecord.Event.EVENT_COMPLETED, longAgo.plusSeconds(3600)));
        String verifierKey = client.as(READ).getPublicKey(GetPublicKeyRequest.getDefaultInstance()).getVerifierKey();
        InclusionProof before = client.as(READ).getInclusionProof(GetInclusionProofRequest.newBuilder()
                .setLeafIndex(placed.getLeafIndex()).build());

        assertTrue(retention.purgeDue(1000).contains(order));

        byte[][] stored = db.payloadAndSalt(placed.getLeafIndex());
        assertNull(stored[0], "payload erased");
        assertNull(stored[1], "salt erased");
        TransactionRecord erased = client.as(READ).getRecord(GetRecordRequest.newBuilder().setName(placed.getName()).build());
        assertEquals(order, erased.getOrderId());
        assertEquals("", erased.getBuyerRef(), "personal data gone (PIPL Art. 47)");
        assertEquals("", erased.getMarketerId());
        assertEquals(0, erased.getItemsCount());
        assertEquals(placed.getLeafHash(), erased.getLeafHash(), "the leaf hash stays");

        InclusionProof after = client.as(READ).getInclusionProof(GetInclusionProofRequest.newBuilder()
                .setLeafIndex(placed.getLeafIndex()).setTreeSize(before.getTreeSize()).build());
        assertEquals(before.getHashesList(), after.getHashesList());
        SignedCheckpoint checkpoint = SignedCheckpoint.verify(after.getCheckpoint().getSignedNote(), verifierKey);
        assertArrayEquals(before.getCheckpoint().getRootHash().toByteArray(), checkpoint.rootHash());
        MerkleVerifier.verifyInclusion(placed.getLeafIndex(), after.getTreeSize(), placed.getLeafHash().toByteArray(),
                after.getHashesList().stream().map(com.google.protobuf.ByteString::toByteArray).toList(), checkpoint.rootHash());

        EvidenceBundle bundle = client.as(READ).exportEvidence(ExportEvidenceRequest.newBuilder().setOrderId(order).build());
        assertTrue(bundle.getEntries(0).getPayload().isEmpty(), "nothing erased comes back in the bundle");
        EvidenceVerifier.verify(bundle, verifierKey);

        VerifyLogResponse verified = client.as(ADMIN).verifyLog(VerifyLogRequest.getDefaultInstance());
        assertTrue(verified.getIntact(), verified.getFirstMismatch());
        assertTrue(verified.getRecomputedLeaves() < verified.getTreeSize(), "erased leaves are checked through the nodes only");

        // evidence arriving after the purge is kept until the next run, then erased like the rest
        AppendRecordResponse late = client.append(event(order, "late-contact", TransactionRecord.Event.EVENT_CUSTOMER_SERVICE_CONTACT,
                longAgo.plusSeconds(7200)));
        assertEquals(order, client.as(READ).getRecord(GetRecordRequest.newBuilder().setName(late.getName()).build()).getOrderId());
        assertTrue(db.payloadAndSalt(late.getLeafIndex())[0] != null);
        assertTrue(retention.purgeDue(1000).contains(order));
        assertNull(db.payloadAndSalt(late.getLeafIndex())[0]);
    }

    @Test
    void aLegalHoldBlocksThePurgeUntilItIsReleased() throws Exception {
        String order = order(TestClock.NOW.atOffset(ZoneOffset.UTC).minusYears(4).toInstant(), TransactionRecord.Event.EVENT_COMPLETED);
        PlaceLegalHoldRequest request = PlaceLegalHoldRequest.newBuilder().setRequestId("hold-" + order)
                .setLegalHold(LegalHold.newBuilder().setOrderId(order).setReason("consumer complaint under review")
                        .setCaseReference("complaints/C-2026-0042")).build();
        LegalHold hold = client.as(ADMIN).placeLegalHold(request);
        assertEquals(LegalHold.State.STATE_ACTIVE, hold.getState());
        assertTrue(hold.getName().startsWith("legalHolds/"));
        assertEquals(hold, client.as(ADMIN).placeLegalHold(request), "a retry returns the first hold");

        assertFalse(retention.purgeDue(1000).contains(order), "held: kept beyond retention");

        ReleaseLegalHoldRequest release = ReleaseLegalHoldRequest.newBuilder().setRequestId("release-" + order).setName(hold.getName()).build();
        LegalHold released = client.as(ADMIN).releaseLegalHold(release);
        assertEquals(LegalHold.State.STATE_RELEASED, released.getState());
        assertEquals(TestClock.NOW.getEpochSecond(), released.getReleaseTime().getSeconds());
        assertEquals(released, client.as(ADMIN).releaseLegalHold(release));

        assertTrue(retention.purgeDue(1000).contains(order), "released: purged");
    }

    @Test
    void legalHoldRequestsAreCheckedFieldByField() {
        String order = order(TestClock.NOW.minusSeconds(7200), TransactionRecord.Event.EVENT_PAID);
        LegalHold good = LegalHold.newBuilder().setOrderId(order).setReason("r").setCaseReference("c").build();
        assertEquals(List.of("request_id"), refusedHold(PlaceLegalHoldRequest.newBuilder().setLegalHold(good)));
        assertEquals(List.of("legal_hold"), refusedHold(PlaceLegalHoldRequest.newBuilder().setRequestId("h1")));
        assertEquals(List.of("legal_hold.order_id", "legal_hold.reason", "legal_hold.case_reference"),
                refusedHold(PlaceLegalHoldRequest.newBuilder().setRequestId("h2").setLegalHold(LegalHold.newBuilder().setOrderId("a b"))));
        assertEquals(List.of("legal_hold.case_reference"), refusedHold(PlaceLegalHoldRequest.newBuilder().setRequestId("h3")
                .setLegalHold(good.toBuilder().setCaseReference("c".repeat(129)))));

        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).placeLegalHold(
                PlaceLegalHoldRequest.newBuilder().setRequestId("h4").setLegalHold(good.toBuilder().setOrderId("no-such-order")).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
        assertEquals("ORDER_NOT_FOUND", errorInfo(unknown).getReason());

        client.as(ADMIN).placeLegalHold(PlaceLegalHoldRequest.newBuilder().setRequestId("h5").setLegalHold(good).build());
        StatusRuntimeException reused = assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).placeLegalHold(
                PlaceLegalHoldRequest.newBuilder().setRequestId("h5").setLegalHold(good.toBuilder().setReason("other")).build()));
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());

        StatusRuntimeException badName = assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).releaseLegalHold(
                ReleaseLegalHoldRequest.newBuilder().setRequestId("r1").setName("legalHolds/x").build()));
        assertEquals(List.of("name"), badFields(badName));
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).releaseLegalHold(
                ReleaseLegalHoldRequest.newBuilder().setRequestId("r2").setName("legalHolds/00000000-0000-4000-8000-000000000000").build()));
        assertEquals("LEGAL_HOLD_NOT_FOUND", errorInfo(missing).getReason());

        StatusRuntimeException notAdmin = assertThrows(StatusRuntimeException.class, () -> client.as(READ).placeLegalHold(
                PlaceLegalHoldRequest.newBuilder().setRequestId("h6").setLegalHold(good).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, notAdmin.getStatus().getCode());
    }

    @Test
    void twoReplicasPurgingAtOnceShareTheWorkWithoutOverlap() throws Exception {
        Instant longAgo = TestClock.NOW.atOffset(ZoneOffset.UTC).minusYears(6).toInstant();
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            mine.add(order(longAgo, TransactionRecord.Event.EVENT_COMPLETED));
        }
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.Callable<List<String>> replica = () -> {
            List<String> done = new java.util.ArrayList<>();
            List<String> batch;
            do {
                batch = retention.purgeDue(3);
                done.addAll(batch);
            } while (!batch.isEmpty());
            return done;
        };
        java.util.concurrent.Future<List<String>> first = replicas.submit(replica);
        java.util.concurrent.Future<List<String>> second = replicas.submit(replica);
        List<String> a = first.get();
        List<String> b = second.get();
        replicas.shutdown();

        assertTrue(a.stream().noneMatch(b::contains), "no order purged by both");
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        assertTrue(all.containsAll(mine), "every due order purged by one of them");
    }

    @Test
    void aRetentionBelowThreeYearsStopsTheServiceAtStart() {
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("livecomply.archive.retention-years", "2");
        properties.put("grpc.server.port", "0");
        Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(properties, "test").close());
        Throwable cause = e;
        while (cause.getCause() != null && !cause.getMessage().contains("retention-years")) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("at least 3 years"), e.toString());
    }

    private List<String> refusedHold(PlaceLegalHoldRequest.Builder request) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.as(ADMIN).placeLegalHold(request.build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        return badFields(e);
    }

    /** A new order whose last event is {@code last} at {@code time}. */
    private String order(Instant time, TransactionRecord.Event last) {
        String order = Records.uniqueOrder();
        client.append(Records.placed(order).setOccurTime(timestamp(time.minusSeconds(3600))).build());
        client.append(event(order, "last", last, time));
        return order;
    }

    private static TransactionRecord event(String order, String eventId, TransactionRecord.Event event, Instant time) {
        TransactionRecord.Builder record = Records.paid(order).setEventId(eventId).setEvent(event).setOccurTime(timestamp(time));
        if (event != TransactionRecord.Event.EVENT_PAID && event != TransactionRecord.Event.EVENT_REFUNDED) {
            record.clearPayment();
        }
        return record.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
