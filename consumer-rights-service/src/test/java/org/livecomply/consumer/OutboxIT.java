package org.livecomply.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livecomply.consumer.Complaints.complaint;
import static org.livecomply.consumer.Complaints.create;
import static org.livecomply.consumer.Complaints.requestId;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
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
 * A verified complaint reaches room-grading through the transactional outbox (Art. 20 ¶3): with room-grading
 * down the event stays pending with its attempts counted and backs off; once it is up the complaint is
 * recorded exactly once; two replicas delivering at the same time send each event once.
 */
@MicronautTest(environments = "test", transactional = false)
class OutboxIT extends ConsumerApiTest {

    private static final FakeRoomGrading GRADING = new FakeRoomGrading();

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
        return Map.of("livecomply.clients.grading.address", GRADING.address(), "livecomply.clients.grading.deadline", "1s");
    }

    @AfterAll
    void stopGrading() throws InterruptedException {
        GRADING.stop();
    }

    private Complaint verified() {
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setRoom(Complaints.ROOM)));
        return client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId()).setName(filed.getName())
                .setResolution("商品确有质量问题，已全额退款").setSubstantiated(true).build());
    }

    private Complaint get(Complaint complaint) {
        return client.as(READ).getComplaint(GetComplaintRequest.newBuilder().setName(complaint.getName()).build());
    }

    @Test
    void withRoomGradingDownTheSignalWaitsAndIsDeliveredOnceWhenItIsUp() throws Exception {
        GRADING.stop();
        Complaint resolved = verified();
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

        GRADING.start();
        // The client's channel reconnects on its own (real-time) backoff; attempts go on until it has.
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (int attempt = 3; System.nanoTime() < giveUp && !"DELIVERED".equals(text("SELECT status FROM outbox_events WHERE " + subject)); attempt++) {
            clock.advance(configuration.backoff(attempt));
            outbox.deliverDue();
            Thread.sleep(250);
        }
        assertEquals("DELIVERED", text("SELECT status FROM outbox_events WHERE " + subject));
        assertEquals(1, GRADING.callsPerComplaint.get(resolved.getNumber()).get(), "room-grading was called once, when it was up");
        assertEquals(Delivery.DELIVERY_DONE, get(resolved).getGradingSignal());
        assertEquals(Complaints.ROOM + "/verifiedComplaints/" + resolved.getNumber(), GRADING.recorded.get(resolved.getNumber()).getName());
        assertEquals(resolved.getNumber(), GRADING.recorded.get(resolved.getNumber()).getComplaintId());
        int calls = GRADING.calls.get();
        clock.advance(Duration.ofHours(2));
        outbox.deliverDue();
        assertEquals(calls, GRADING.calls.get(), "a delivered event is not sent again");
        assertTrue(client.as(READ).listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(resolved.getName()).build())
                .getEventsList().stream().anyMatch(e -> e.getKind() == ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED));
    }

    @Test
    void twoReplicasDeliveringAtOnceSendEachEventOnce() throws Exception {
        GRADING.start();
        List<Complaint> complaints = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            complaints.add(verified());
        }
        int before = GRADING.calls.get();
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
            assertEquals(30, claimed, "every event claimed by exactly one replica");
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(30, GRADING.calls.get() - before, "each verified complaint sent once");
        complaints.forEach(c -> assertEquals(1, GRADING.callsPerComplaint.get(c.getNumber()).get(), c.getNumber()));
        for (Complaint complaint : complaints) {
            assertEquals(Delivery.DELIVERY_DONE, get(complaint).getGradingSignal());
            assertTrue(GRADING.recorded.containsKey(complaint.getNumber()));
        }
    }

    @Test
    void aComplaintNotSubstantiatedOrWithoutARoomSendsNothing() throws Exception {
        Complaint filed = client.as(MANAGE).createComplaint(create(complaint().setRoom(Complaints.ROOM)));
        Complaint unsubstantiated = client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(filed.getName()).setResolution("消费者撤回").build());
        assertEquals(Delivery.DELIVERY_UNSPECIFIED, unsubstantiated.getGradingSignal());
        Complaint noRoom = client.as(MANAGE).createComplaint(create(complaint()));
        Complaint substantiated = client.as(MANAGE).resolveComplaint(ResolveComplaintRequest.newBuilder().setRequestId(requestId())
                .setName(noRoom.getName()).setResolution("已退款").setSubstantiated(true).build());
        assertEquals(Delivery.DELIVERY_UNSPECIFIED, substantiated.getGradingSignal());
        assertEquals("0", text("SELECT COUNT(*) FROM outbox_events WHERE subject IN ('" + filed.getNumber() + "', '" + noRoom.getNumber() + "')"));
    }
}
