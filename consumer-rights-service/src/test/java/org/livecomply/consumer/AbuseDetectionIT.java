package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.consumer.v1.AcknowledgeComplaintRequest;
import org.livecomply.api.consumer.v1.ClearComplaintAbuseFlagRequest;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintClock;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.ComplaintPolicy;
import org.livecomply.api.consumer.v1.GetComplaintPolicyRequest;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalRequest;
import org.livecomply.api.grading.v1.ConsumerOrdersHandoff;
import org.livecomply.api.grading.v1.Measure;

/**
 * The automatic abuse check at filing (Art. 20 ¶1) with a published rule of at most 3 complaints per
 * complainant in 24 h and no second complaint about an order within 7 days: flagged at the boundary and not
 * before it, from the platform API and the public intake alike, never rejected, the reason in the timeline
 * under the service's name, and a person may clear the flag.
 */
@MicronautTest(environments = "test", transactional = false)
class AbuseDetectionIT extends ConsumerApiTest {

    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.consumer.abuse.enabled", "true",
                "livecomply.consumer.abuse.repeat-limit", "3",
                "livecomply.consumer.abuse.repeat-window", "24h",
                "livecomply.consumer.abuse.duplicate-window", "7d",
                "livecomply.clients.archive.address", RealServices.archive().grpcAddress());
    }

    private static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Complaint fileAt(Instant at, Complaint.Builder complaint) {
        clock.set(at);
        return client.as(MANAGE).createComplaint(create(complaint));
    }

    private Complaint get(Complaint complaint) {
        return client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName(complaint.getName()).build());
    }

    private List<ComplaintEvent> timeline(Complaint complaint) {
        return client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(complaint.getName()).build()).getEventsList();
    }

    @Test
    void theComplaintBeyondTheLimitIsFlaggedNotRejectedAndTheOneAtTheLimitIsNot() {
        String phone = newPhone();
        Instant start = TestClock.NOW;
        for (int i = 0; i < 3; i++) {
            Complaint within = fileAt(start.plus(Duration.ofHours(i)), complaint().setContact(phone).setBuyerRef("buyer-" + UUID.randomUUID()));
            assertFalse(within.getAbuseFlagged(), "complaint " + (i + 1) + " of at most 3");
        }
        Complaint fourth = fileAt(start.plus(Duration.ofHours(3)), complaint().setContact(phone).setBuyerRef("buyer-" + UUID.randomUUID()));
        assertTrue(fourth.getAbuseFlagged(), "the 4th complaint in 24 h is more than 3");
        assertTrue(fourth.getAbuseReason().contains("complaint number 4 in 24 h, more than the published limit of 3"), fourth.getAbuseReason());
        assertEquals(Complaint.State.STATE_RECEIVED, fourth.getState(), "flagged, never rejected: a person decides");
        fourth.getClocksList().forEach(c -> assertEquals(ComplaintClock.State.STATE_RUNNING, c.getState(), "its clocks run as any complaint's"));
        List<ComplaintEvent> events = timeline(fourth);
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_ABUSE_FLAGGED), events.stream().map(ComplaintEvent::getKind).toList());
        assertEquals("consumer-rights", events.get(1).getActor(), "flagged by the service, not by a person");
        assertEquals(fourth.getAbuseReason(), events.get(1).getNote());

        Complaint acknowledged = client.as(MANAGE).acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(fourth.getName()).setNote("人工复核中").build());
        assertEquals(Complaint.State.STATE_ACKNOWLEDGED, acknowledged.getState(), "a flagged complaint is handled like any other");
    }

    @Test
    void theRepeatWindowIsHalfOpenAndTheBuyerReferenceIdentifiesTheComplainantToo() {
        Instant start = TestClock.NOW;
        String buyer = "buyer-" + UUID.randomUUID();
        fileAt(start, complaint().setContact(newPhone()).setBuyerRef(buyer));
        fileAt(start.plus(Duration.ofHours(1)), complaint().setContact(newPhone()).setBuyerRef(buyer));
        fileAt(start.plus(Duration.ofHours(2)), complaint().setContact(newPhone()).setBuyerRef(buyer));
        Complaint atEdge = fileAt(start.plus(Duration.ofHours(24)), complaint().setContact(newPhone()).setBuyerRef(buyer));
        assertFalse(atEdge.getAbuseFlagged(), "the first complaint, exactly 24 h before, no longer counts: " + atEdge.getAbuseReason());

        String other = "buyer-" + UUID.randomUUID();
        fileAt(start, complaint().setContact(newPhone()).setBuyerRef(other));
        fileAt(start.plus(Duration.ofHours(1)), complaint().setContact(newPhone()).setBuyerRef(other));
        fileAt(start.plus(Duration.ofHours(2)), complaint().setContact(newPhone()).setBuyerRef(other));
        Complaint inside = fileAt(start.plus(Duration.ofHours(24)).minusNanos(1000), complaint().setContact(newPhone()).setBuyerRef(other));
        assertTrue(inside.getAbuseFlagged(), "1 µs inside the 24 h the first one still counts");
    }

    @Test
    void aSecondComplaintAboutTheSameOrderWithinSevenDaysIsFlaggedAsADuplicate() {
        String order = "order-" + UUID.randomUUID().toString().substring(0, 12);
        Instant first = TestClock.NOW.minus(Duration.ofDays(7));
        fileAt(first, complaint().setContact(newPhone()).setBuyerRef("buyer-" + UUID.randomUUID()).setOrderId(order));
        Complaint atEdge = fileAt(first.plus(Duration.ofDays(7)), complaint().setContact(newPhone()).setBuyerRef("buyer-" + UUID.randomUUID())
                .setOrderId(order));
        assertFalse(atEdge.getAbuseFlagged(), "exactly 7 days later the first complaint no longer counts");
        Complaint duplicate = fileAt(first.plus(Duration.ofDays(7)).plusSeconds(1), complaint().setContact(newPhone())
                .setBuyerRef("buyer-" + UUID.randomUUID()).setOrderId(order));
        assertTrue(duplicate.getAbuseFlagged());
        assertTrue(duplicate.getAbuseReason().contains("another complaint about the same order was filed within 7 d before it (earlier: "
                + atEdge.getNumber() + ")"), duplicate.getAbuseReason());
    }

    @Test
    void anArt23CaseAboutTheOrderIsNoEarlierComplaintOfTheConsumer() {
        String liveAccount = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        String order = ArchiveRecords.newOrderId();
        ArchiveRecords.append(order, liveAccount, TransactionRecord.Event.EVENT_ORDER_PLACED, Instant.parse("2026-11-20T04:00:00Z"));
        String room = "rooms/" + UUID.randomUUID();
        ConsumerOrdersHandoff handoff = ConsumerOrdersHandoff.newBuilder().setEventId(UUID.randomUUID().toString())
                .setDisposal(room + "/disposals/" + UUID.randomUUID()).setRoom(room).setRoomOperator("roomOperators/" + UUID.randomUUID())
                .setLiveAccountId(liveAccount).setMeasure(Measure.MEASURE_ACCOUNT_CLOSURE).build();
        List<String> opened = client.as(HANDOVER).receiveRoomDisposal(ReceiveRoomDisposalRequest.newBuilder().setRequestId(handoff.getEventId())
                .setHandoff(handoff).build()).getComplaintsList();
        assertEquals(1, opened.size());
        assertFalse(client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName(opened.get(0)).build()).getAbuseFlagged());

        Complaint consumers = fileAt(TestClock.NOW.plusSeconds(60), complaint().setContact(newPhone()).setBuyerRef("buyer-" + UUID.randomUUID())
                .setOrderId(order));
        assertFalse(consumers.getAbuseFlagged(), "the service opened the Art. 23 case, the consumer did not complain before: " + consumers.getAbuseReason());
    }

    @Test
    void thePublicIntakeIsCheckedTooWithTheContactComparedWithoutCaseAndTheFlagIsNotShownToTheConsumer() throws Exception {
        String mailbox = "wang." + UUID.randomUUID().toString().substring(0, 8);
        String number = null;
        String token = null;
        for (String contact : List.of(mailbox + "@example.cn", mailbox.toUpperCase() + "@Example.CN", mailbox + "@EXAMPLE.cn", mailbox + "@example.CN")) {
            HttpResponse<String> filed = Http.postJson(baseUrl() + "/api/v1/complaints", """
                    {"category":"QUALITY","description":"杯子漏水","contact":"%s"}""".formatted(contact));
            assertEquals(201, filed.statusCode(), filed.body());
            JsonNode body = json.readValue(filed.body(), JsonNode.class);
            number = body.get("number").getStringValue();
            token = body.get("statusToken").getStringValue();
        }
        Complaint fourth = client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName("complaints/" + number).build());
        assertTrue(fourth.getAbuseFlagged(), "the same mailbox in other letter cases is the same complainant");
        assertEquals(Complaint.State.STATE_RECEIVED, fourth.getState());
        assertFalse(text("SELECT contact_index FROM complaints WHERE number = '" + number + "'").contains("example"), "only a keyed hash");

        HttpResponse<String> status = Http.get(baseUrl() + "/api/v1/complaints/" + number, "X-Complaint-Token", token);
        assertEquals(200, status.statusCode(), status.body());
        assertFalse(status.body().toLowerCase().contains("abuse"), "the consumer sees the process, not the internal flag: " + status.body());
        assertEquals("RECEIVED", json.readValue(status.body(), JsonNode.class).get("state").getStringValue());
    }

    @Test
    void aPersonClearsAnUnfoundedFlagWithAReasonOnce() {
        String phone = newPhone();
        Complaint flagged = null;
        for (int i = 0; i < 4; i++) {
            flagged = fileAt(TestClock.NOW.plusSeconds(i), complaint().setContact(phone).setBuyerRef("buyer-" + UUID.randomUUID()));
        }
        assertTrue(flagged.getAbuseFlagged());
        ClearComplaintAbuseFlagRequest clear = ClearComplaintAbuseFlagRequest.newBuilder().setRequestId(requestId()).setName(flagged.getName())
                .setReason("经核实为同一家庭不同订单的真实投诉").build();
        Complaint cleared = client.as(MANAGE).clearComplaintAbuseFlag(clear);
        assertFalse(cleared.getAbuseFlagged());
        assertEquals("", cleared.getAbuseReason());
        assertEquals(cleared, client.as(MANAGE).clearComplaintAbuseFlag(clear), "a retry answers the same and changes nothing");
        List<ComplaintEvent> events = timeline(flagged);
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_ABUSE_FLAGGED, ComplaintEvent.Kind.KIND_ABUSE_FLAG_CLEARED),
                events.stream().map(ComplaintEvent::getKind).toList());
        assertEquals("platform-test", events.get(2).getActor());
        assertEquals(clear.getReason(), events.get(2).getNote());

        StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).clearComplaintAbuseFlag(
                clear.toBuilder().setRequestId(requestId()).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());
        assertEquals("COMPLAINT_NOT_FLAGGED", errorInfo(again).getReason());
        StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> client.as(MANAGE).clearComplaintAbuseFlag(
                ClearComplaintAbuseFlagRequest.newBuilder().setRequestId("bad id").setName("complaints/1").setReason(" ").build()));
        assertEquals(List.of("request_id", "name", "reason"), badFields(bad));
        StatusRuntimeException reader = assertThrows(StatusRuntimeException.class, () -> client.as(READ).clearComplaintAbuseFlag(
                clear.toBuilder().setRequestId(requestId()).build()));
        assertEquals(Status.Code.PERMISSION_DENIED, reader.getStatus().getCode());
    }

    @Test
    void theRuleIsPublished() {
        ComplaintPolicy policy = client.as(READ).getComplaintPolicy(GetComplaintPolicyRequest.getDefaultInstance());
        assertTrue(policy.getAbuseCheckEnabled());
        assertEquals(3, policy.getAbuseRepeatLimit());
        assertEquals(Duration.ofHours(24).toSeconds(), policy.getAbuseRepeatWindow().getSeconds());
        assertEquals(Duration.ofDays(7).toSeconds(), policy.getAbuseDuplicateWindow().getSeconds());
    }
}
