package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;
import static org.livecomply.testsupport.StatusDetails.badFields;
import static org.livecomply.testsupport.StatusDetails.errorInfo;
import static org.livecomply.testsupport.StatusDetails.preconditionFailure;

import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.Channel;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.Delivery;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.consumer.outbox.OutboxDeliverer;
import org.livecomply.consumer.service.Deliveries;

/**
 * A verified complaint needs its room (Art. 20 ¶3): a consumer's complaint filed on the public intake names none, so
 * the platform names it when it resolves the complaint; the room is stored with a timeline event naming who linked it
 * and the verified complaint reaches the real room-grading process through the outbox. A substantiated resolution
 * without any room, or naming another room than the complaint's, is refused and changes nothing.
 */
@MicronautTest(environments = "test", transactional = false)
class ResolveWithRoomIT extends ConsumerApiTest {

    private static final String OTHER_ROOM = "rooms/0c6f2a1e-5d3b-4e7a-9f10-3b2c1d4e5f60";

    @Inject
    OutboxDeliverer outbox;

    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.clients.grading.address", RealServices.grading().grpcAddress(), "livecomply.clients.grading.deadline", "3s");
    }

    @BeforeEach
    void clockAtTheRealTime() {
        // room-grading runs on the wall clock and counts complaints verified in the last 90 days: verify them now.
        clock.set(Instant.now());
    }

    /** A consumer's complaint over the public JSON endpoint (no room: the intake does not ask for it); its number. */
    private String fileOverHttp() throws Exception {
        HttpResponse<String> filed = Http.postJson(baseUrl() + "/api/v1/complaints", """
                {"category":"FALSE_ADVERTISING","description":"主播说是当季新米，包装日期对不上","requested_remedy":"REFUND"}""");
        assertEquals(201, filed.statusCode(), filed.body());
        return json.readValue(filed.body(), JsonNode.class).get("number").getStringValue();
    }

    private ResolveComplaintRequest.Builder resolve(String number) {
        return ResolveComplaintRequest.newBuilder().setRequestId(requestId()).setName("complaints/" + number)
                .setResolution("已核实：宣传与实物不符，全额退款").setSubstantiated(true);
    }

    private Complaint get(String number) {
        return client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName("complaints/" + number).build());
    }

    private List<ComplaintEvent> timeline(String number) {
        return client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent("complaints/" + number).setPageSize(200)
                .build()).getEventsList();
    }

    /** Everything stored about the complaint: its row, its timeline and what it sent through the outbox. */
    private String stored(String number) throws SQLException {
        String seq = "(SELECT seq FROM complaints WHERE number = '" + number + "')";
        return text("SELECT CONCAT_WS('|', state, IFNULL(room, '-'), IFNULL(resolution, '-'), substantiated, grading_signal, legal_hold, update_time,"
                + " IFNULL(close_time, '-')) FROM complaints WHERE number = '" + number + "'")
                + " events " + text("SELECT GROUP_CONCAT(kind ORDER BY seq) FROM complaint_events WHERE complaint_seq = " + seq)
                + " outbox " + text("SELECT GROUP_CONCAT(event_type ORDER BY seq) FROM outbox_events WHERE subject = '" + number + "'");
    }

    private static StatusRuntimeException refused(Status.Code code, Runnable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
        return e;
    }

    @Test
    void aConsumersComplaintIsLinkedToItsRoomWhenResolvedAndCountsAgainstIt() throws Exception {
        String room = RealServices.gradingRoom();
        String number = fileOverHttp();
        Complaint filed = get(number);
        assertEquals(Channel.CHANNEL_HTTP_API, filed.getChannel());
        assertEquals("", filed.getRoom(), "the public intake does not ask consumers for the room");

        ResolveComplaintRequest request = resolve(number).setRoom(room).build();
        Complaint resolved = client.as(MANAGE).resolveComplaint(request);
        assertEquals(Complaint.State.STATE_RESOLVED, resolved.getState());
        assertEquals(room, resolved.getRoom(), "the room is stored on the complaint");
        assertEquals(room, text("SELECT room FROM complaints WHERE number = '" + number + "'"));
        assertEquals(Delivery.DELIVERY_PENDING, resolved.getGradingSignal());
        List<ComplaintEvent> timeline = timeline(number);
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_ROOM_LINKED, ComplaintEvent.Kind.KIND_RESOLVED),
                timeline.stream().map(ComplaintEvent::getKind).toList());
        ComplaintEvent linked = timeline.get(1);
        assertEquals("platform-test", linked.getActor(), "who linked the room");
        assertEquals(room, linked.getNote());
        assertEquals(Complaint.State.STATE_RECEIVED, linked.getState(), "linked while the complaint was still open");
        assertEquals(Deliveries.VERIFIED_COMPLAINT, text("SELECT event_type FROM outbox_events WHERE subject = '" + number + "'"),
                "the verified complaint, and nothing else, is in the outbox for room-grading");

        String subject = "subject = '" + number + "' AND event_type = '" + Deliveries.VERIFIED_COMPLAINT + "'";
        assertTrue(outbox.deliverDue() >= 1);
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < giveUp && !"DELIVERED".equals(text("SELECT status FROM outbox_events WHERE " + subject))) {
            clock.advance(Duration.ofMinutes(5));
            outbox.deliverDue();
            Thread.sleep(250);
        }
        assertEquals("DELIVERED", text("SELECT status FROM outbox_events WHERE " + subject));
        assertEquals(Delivery.DELIVERY_DONE, get(number).getGradingSignal());
        List<ComplaintEvent> delivered = timeline(number).stream().filter(e -> e.getKind() == ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED).toList();
        assertEquals(1, delivered.size());
        assertEquals(room + "/verifiedComplaints/" + number, delivered.get(0).getNote(), "room-grading's record of it");
        assertEquals(1, RealServices.verifiedComplaintsIn(room), "it counts in the room's grading");

        String before = stored(number);
        assertEquals(resolved.getName(), client.as(MANAGE).resolveComplaint(request).getName(), "a retry answers the complaint");
        assertEquals(before, stored(number), "a retry links nothing and sends nothing again");
    }

    @Test
    void aSubstantiatedResolutionWithoutARoomIsRefusedAndChangesNothing() throws Exception {
        String number = fileOverHttp();
        String before = stored(number);
        ResolveComplaintRequest withoutRoom = resolve(number).build();

        StatusRuntimeException e = refused(Status.Code.FAILED_PRECONDITION, () -> client.as(MANAGE).resolveComplaint(withoutRoom));
        assertEquals("ROOM_NOT_NAMED", errorInfo(e).getReason());
        assertEquals("Art. 20 ¶3", errorInfo(e).getMetadataMap().get("article"));
        PreconditionFailure.Violation violation = preconditionFailure(e).getViolations(0);
        assertEquals("ROOM_NOT_NAMED", violation.getType());
        assertEquals("complaints/" + number, violation.getSubject());
        assertTrue(violation.getDescription().startsWith("Art. 20 ¶3: "), violation.getDescription());
        assertEquals(before, stored(number), "nothing stored changed");
        assertTrue(before.contains("RECEIVED|-|-|0|NONE"), before);

        // The refused request left no idempotency key behind: the same request_id may now name the room.
        String room = RealServices.gradingRoom();
        Complaint resolved = client.as(MANAGE).resolveComplaint(withoutRoom.toBuilder().setRoom(room).build());
        assertEquals(room, resolved.getRoom());
        assertEquals(Delivery.DELIVERY_PENDING, resolved.getGradingSignal());

        String other = fileOverHttp();
        Complaint unsubstantiated = client.as(MANAGE).resolveComplaint(resolve(other).setSubstantiated(false).setResolution("消费者撤回").build());
        assertEquals(Complaint.State.STATE_RESOLVED, unsubstantiated.getState(), "an unsubstantiated resolution needs no room");
        assertEquals(Delivery.DELIVERY_UNSPECIFIED, unsubstantiated.getGradingSignal());
        assertEquals("", text("SELECT event_type FROM outbox_events WHERE subject = '" + other + "'"), "and sends nothing");
    }

    @Test
    void anotherRoomThanTheComplaintsIsRefusedAndItsOwnIsUsed() throws Exception {
        String room = RealServices.gradingRoom();
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setRoom(room)));
        String number = filed.getNumber();
        String before = stored(number);

        for (boolean substantiated : List.of(true, false)) {
            StatusRuntimeException e = refused(Status.Code.FAILED_PRECONDITION, () -> client.as(MANAGE).resolveComplaint(
                    resolve(number).setRoom(OTHER_ROOM).setSubstantiated(substantiated).build()));
            assertEquals("ROOM_ALREADY_NAMED", errorInfo(e).getReason());
            assertEquals("Art. 20 ¶3", errorInfo(e).getMetadataMap().get("article"));
            assertTrue(e.getStatus().getDescription().contains(room) && e.getStatus().getDescription().contains(OTHER_ROOM),
                    e.getStatus().getDescription());
        }
        assertEquals(before, stored(number), "nothing stored changed");

        Complaint resolved = client.as(MANAGE).resolveComplaint(resolve(number).setRoom(room).build());
        assertEquals(room, resolved.getRoom(), "the complaint's own room may be repeated");
        assertEquals(Delivery.DELIVERY_PENDING, resolved.getGradingSignal());
        assertEquals(List.of(ComplaintEvent.Kind.KIND_FILED, ComplaintEvent.Kind.KIND_RESOLVED),
                timeline(number).stream().map(ComplaintEvent::getKind).toList(), "nothing to link");

        StatusRuntimeException closed = refused(Status.Code.FAILED_PRECONDITION, () -> client.as(MANAGE).resolveComplaint(
                resolve(number).setRoom(OTHER_ROOM).build()));
        assertEquals("COMPLAINT_CLOSED", errorInfo(closed).getReason(), "the process refuses first");
    }

    @Test
    void aBadRoomNameIsRefusedNamingTheField() throws Exception {
        String number = fileOverHttp();
        String before = stored(number);
        for (String bad : List.of("rooms/abc", "roomOperators/5b0e3a62-8f0c-4d55-9d2c-2a8f6f1b7c11", "rooms/5B0E3A62-8F0C-4D55-9D2C-2A8F6F1B7C11",
                "5b0e3a62-8f0c-4d55-9d2c-2a8f6f1b7c11", "rooms/" + "a".repeat(300))) {
            StatusRuntimeException e = refused(Status.Code.INVALID_ARGUMENT, () -> client.as(MANAGE).resolveComplaint(resolve(number).setRoom(bad).build()));
            assertEquals(List.of("room"), badFields(e), bad);
        }
        StatusRuntimeException both = refused(Status.Code.INVALID_ARGUMENT, () -> client.as(MANAGE).resolveComplaint(resolve(number)
                .setResolution("").setRoom("rooms/1").build()));
        assertEquals(List.of("resolution", "room"), badFields(both));
        assertEquals(before, stored(number), "nothing stored changed");
    }
}
