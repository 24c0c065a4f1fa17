package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.Delivery;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.consumer.outbox.OutboxConfiguration;
import org.livecomply.consumer.outbox.OutboxDeliverer;
import org.livecomply.consumer.outbox.OutboxHandler;
import org.livecomply.consumer.outbox.OutboxStore;

/**
 * A verified complaint reaches the real room-grading-service (a process of its own) through the transactional
 * outbox (Art. 20 ¶3): with room-grading down the event stays pending with its attempts counted and backs off;
 * once it is up the complaint is recorded exactly once; two replicas delivering at the same time claim, and so
 * send, each event once.
 */
@MicronautTest(environments = "test", transactional = false)
class OutboxIT extends ConsumerApiTest {

    @Inject
    OutboxDeliverer outbox;

    @Inject
    OutboxStore store;

    @Inject
    OutboxConfiguration configuration;

    @Inject
    List<OutboxHandler<?>> handlers;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("livecomply.clients.grading.address", RealServices.grading().grpcAddress(), "livecomply.clients.grading.deadline", "3s");
    }

    @BeforeEach
    void gradingUpAndClockAtTheRealTime() {
        if (!RealServices.grading().isAlive()) {
            RealServices.grading().start();
        }
        // room-grading runs on the wall clock and counts complaints verified in the last 90 days: verify them now.
        clock.set(Instant.now());
    }

    private Complaint verified(String room) {
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setRoom(room)));
        return client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setResolution("商品确有质量问题，已全额退款").setSubstantiated(true).build());
    }

    private Complaint get(Complaint complaint) {
        return client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName(complaint.getName()).build());
    }

    private List<ComplaintEvent> timeline(Complaint complaint, ComplaintEvent.Kind kind) {
        return client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(complaint.getName()).setPageSize(200).build())
                .getEventsList().stream().filter(e -> e.getKind() == kind).toList();
    }

    /** Delivered: the complaint shows it, and its timeline names room-grading's record of it, once. */
    private void assertRecordedOnce(String room, Complaint complaint) {
        assertEquals(Delivery.DELIVERY_DONE, get(complaint).getGradingSignal());
        List<ComplaintEvent> delivered = timeline(complaint, ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED);
        assertEquals(1, delivered.size(), complaint.getNumber());
        assertEquals(room + "/verifiedComplaints/" + complaint.getNumber(), delivered.get(0).getNote(), "room-grading's record");
    }

    @Test
    void withRoomGradingDownTheSignalWaitsAndIsDeliveredOnceWhenItIsUp() throws Exception {
        String room = RealServices.gradingRoom();
        RealServices.grading().stop();
        Complaint resolved = verified(room);
        assertEquals(Delivery.DELIVERY_PENDING, resolved.getGradingSignal());
        String subject = "subject = '" + resolved.getNumber() + "'";

        outbox.deliverDue();
        assertEquals("PENDING", text("SELECT status FROM outbox_events WHERE " + subject));
        assertEquals("1", text("SELECT attempts FROM outbox_events WHERE " + subject));
        assertTrue(text("SELECT last_error FROM outbox_events WHERE " + subject).contains("DependencyUnavailable"));
        outbox.deliverDue();
        assertEquals("1", text("SELECT attempts FROM outbox_events WHERE " + subject), "not due again before its backoff");

        clock.advance(configuration.backoff(1));
        outbox.deliverDue();
        assertEquals("2", text("SELECT attempts FROM outbox_events WHERE " + subject));
        assertEquals(Duration.ofSeconds(10), configuration.backoff(2), "the wait doubles");

        RealServices.grading().start();
        // The client's channel reconnects on its own (real-time) backoff; attempts go on until it has.
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (int attempt = 3; System.nanoTime() < giveUp && !"DELIVERED".equals(text("SELECT status FROM outbox_events WHERE " + subject)); attempt++) {
            clock.advance(configuration.backoff(attempt));
            outbox.deliverDue();
            Thread.sleep(250);
        }
        assertEquals("DELIVERED", text("SELECT status FROM outbox_events WHERE " + subject));
        assertRecordedOnce(room, resolved);
        assertEquals(1, RealServices.verifiedComplaintsIn(room), "it counts in the room's grading");
        clock.advance(Duration.ofHours(2));
        assertEquals(0, outbox.deliverDue(), "a delivered event is not claimed, so not sent, again");
    }

    @Test
    void twoReplicasDeliveringAtOnceSendEachEventOnce() throws Exception {
        String room = RealServices.gradingRoom();
        List<Complaint> complaints = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            complaints.add(verified(room));
        }
        OutboxDeliverer one = new OutboxDeliverer(store, configuration, handlers, clock, "replica-one");
        OutboxDeliverer two = new OutboxDeliverer(store, configuration, handlers, clock, "replica-two");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxDeliverer replica : List.of(one, two)) {
                Callable<Integer> drain = () -> {
                    int total = 0;
                    for (int claimed = replica.deliverDue(); claimed > 0; claimed = replica.deliverDue()) {
                        total += claimed;
                    }
                    return total;
                };
                runs.add(replicas.submit(drain));
            }
            int claimed = 0;
            for (Future<Integer> run : runs) {
                claimed += run.get();
            }
            // A replica sends what it claims, once per claim: 30 claims in all means each event was sent once.
            assertEquals(30, claimed, "every event claimed by exactly one replica");
        } finally {
            replicas.shutdownNow();
        }
        complaints.forEach(c -> assertRecordedOnce(room, c));
        assertEquals(30, RealServices.verifiedComplaintsIn(room), "room-grading counts each verified complaint once");
    }

    /** A substantiated complaint without a room is refused, not silently left unsent: ResolveWithRoomIT. */
    @Test
    void aComplaintNotSubstantiatedSendsNothingWithOrWithoutARoom() throws Exception {
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setRoom(Complaints.ROOM)));
        Complaint unsubstantiated = client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setResolution("消费者撤回").build());
        assertEquals(Delivery.DELIVERY_UNSPECIFIED, unsubstantiated.getGradingSignal());
        Complaint noRoom = client.as(MANAGE).createComplaint(create(complaint()));
        Complaint withdrawn = client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(noRoom.getName()).setResolution("消费者撤回").build());
        assertEquals(Delivery.DELIVERY_UNSPECIFIED, withdrawn.getGradingSignal());
        assertEquals("0", text("SELECT COUNT(*) FROM outbox_events WHERE subject IN ('" + filed.getNumber() + "', '" + noRoom.getNumber() + "')"));
    }
}
