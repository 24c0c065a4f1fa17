package org.livecomply.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ConsumerRightsServiceGrpc;
import org.livecomply.api.consumer.v1.ComplaintEvent;
import org.livecomply.api.consumer.v1.CreateComplaintRequest;
import org.livecomply.api.consumer.v1.Delivery;
import org.livecomply.api.consumer.v1.GetComplaintRequest;
import org.livecomply.api.consumer.v1.ListComplaintEventsRequest;
import org.livecomply.api.consumer.v1.Remedy;
import org.livecomply.api.consumer.v1.ResolveComplaintRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.RoomGradingServiceGrpc;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/**
 * A verified complaint becomes a signal in room-grading (Art. 20 ¶3) through consumer-rights' transactional
 * outbox, with both services as processes: while room-grading is down the signals wait in the outbox, retried;
 * once it is back every one is recorded exactly once; and neither a room-grading that hangs mid-delivery, nor a
 * consumer-rights killed and restarted, nor a lost answer (the signal sent again) loses or doubles one.
 */
class VerifiedComplaintDeliveryIT {

    private static final String VERIFIED_COMPLAINT = "grading.RecordVerifiedComplaint";

    private static ServiceProcess grading;
    private static ServiceProcess consumer;
    private static TestDatabase.Database consumerDatabase;
    private static LiveComplyClient platform;
    private static ComplaintTally tally;

    @BeforeAll
    static void start() {
        grading = Suite.start("complaints-grading", "room-grading-service",
                "LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", Suite.NOWHERE, "LIVECOMPLY_CLIENTS_TRAINING_ADDRESS", Suite.NOWHERE,
                "LIVECOMPLY_CLIENTS_CONSUMER_ADDRESS", Suite.NOWHERE);
        consumerDatabase = Suite.database("complaints-consumer");
        // A quick outbox: looked at twice a second, retried after 0.5 s then 1 s, each attempt given 0.5 s; a lease
        // short enough that the events of a killed replica are taken up again soon, long enough for a batch of
        // attempts against a hanging receiver.
        consumer = Suite.builder("complaints-consumer", "consumer-rights-service", consumerDatabase)
                .env("LIVECOMPLY_CLIENTS_GRADING_ADDRESS", grading.grpcAddress())
                .env("LIVECOMPLY_CLIENTS_GRADING_DEADLINE", "500ms")
                .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", Suite.NOWHERE)
                .env("LIVECOMPLY_CLIENTS_ARCHIVE_ADDRESS", Suite.NOWHERE)
                .env("LIVECOMPLY_CONSUMER_OUTBOX_INTERVAL", "500ms")
                .env("LIVECOMPLY_CONSUMER_OUTBOX_INITIAL_BACKOFF", "500ms")
                .env("LIVECOMPLY_CONSUMER_OUTBOX_MAX_BACKOFF", "1s")
                .env("LIVECOMPLY_CONSUMER_OUTBOX_LEASE", "5s")
                .build().start();
        platform = Suite.client(Map.of(LiveComplyService.ROOM_GRADING, grading, LiveComplyService.CONSUMER_RIGHTS, consumer),
                "grading.write", "grading.read", "grading.admin", "consumer.manage", "consumer.read");
        tally = new ComplaintTally(platform);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        for (ServiceProcess process : new ServiceProcess[] {consumer, grading}) {
            if (process != null) {
                process.stop();
            }
        }
    }

    @BeforeEach
    void bothRunning() {
        for (ServiceProcess process : List.of(grading, consumer)) {
            if (!process.isAlive()) {
                process.start();
            }
        }
    }

    @Test
    void withRoomGradingDownVerifiedComplaintsWaitInTheOutboxAndAreRecordedOnceWhenItIsBack() {
        Room room = room();
        assertEquals(0, tally.of(room.getName()));

        grading.stop();
        List<Complaint> verified = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Complaint complaint = fileAndVerify(room);
            assertEquals(Delivery.DELIVERY_PENDING, complaint.getGradingSignal());
            verified.add(complaint);
        }
        Suite.await("every signal tried twice while room-grading is down", Duration.ofSeconds(30),
                () -> verified.stream().allMatch(c -> pendingAfter(c, 2)));
        for (Complaint complaint : verified) {
            assertEquals(Delivery.DELIVERY_PENDING, get(complaint).getGradingSignal(), "waiting, not given up");
            assertEquals(0, timeline(complaint, ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED).size());
        }

        grading.start();
        awaitDelivered(verified);
        assertEquals(verified.size(), tally.of(room.getName()), "every verified complaint counts in the room's grading");
        verified.forEach(c -> assertDeliveredOnce(room, c));
    }

    @Test
    void aHangingRoomGradingAKilledConsumerRightsAndALostAnswerLoseAndDoubleNothing() {
        Room room = room();
        List<Complaint> verified = new ArrayList<>();
        // Delivered while all is well, so that consumer-rights holds an open connection to room-grading.
        verified.add(fileAndVerify(room));
        awaitDelivered(verified);

        // Frozen: the connection stays open and nothing answers, so each attempt ends at its deadline and is retried;
        // consumer-rights is killed meanwhile, with attempts in flight and events leased to it.
        Suite.signal(grading, "STOP");
        try {
            for (int i = 0; i < 4; i++) {
                verified.add(fileAndVerify(room));
            }
            Suite.await("every new signal tried twice against the frozen room-grading", Duration.ofSeconds(30),
                    () -> verified.subList(1, verified.size()).stream().allMatch(c -> pendingAfter(c, 2)));
            consumer.kill();
        } finally {
            Suite.signal(grading, "CONT");
        }
        consumer.start();
        awaitDelivered(verified);
        assertEquals(verified.size(), tally.of(room.getName()), "each verified complaint recorded once");
        verified.forEach(c -> assertDeliveredOnce(room, c));

        // A graceful restart: nothing delivered is sent again; a new signal, delivered after it, shows the outbox has run.
        List<String> before = verified.stream().map(VerifiedComplaintDeliveryIT::outbox).toList();
        consumer.stop();
        consumer.start();
        Complaint after = fileAndVerify(room);
        awaitDelivered(List.of(after));
        assertEquals(before, verified.stream().map(VerifiedComplaintDeliveryIT::outbox).toList(), "no delivered event was sent again");
        verified.forEach(c -> assertDeliveredOnce(room, c));
        assertDeliveredOnce(room, after);
        assertEquals(verified.size() + 1, tally.of(room.getName()));

        // As if room-grading's answer had been lost: the event is due again and is resent with the same payload;
        // room-grading answers with its first record and counts nothing twice.
        int attempts = Integer.parseInt(outbox(after).split(":")[1]);
        TestDatabase.shared().execute("UPDATE `" + consumerDatabase.name() + "`.outbox_events SET status = 'PENDING',"
                + " next_attempt_time = UTC_TIMESTAMP(6), lease_owner = NULL, lease_until = NULL WHERE event_type = '"
                + VERIFIED_COMPLAINT + "' AND subject = '" + after.getNumber() + "'");
        Suite.await("the signal is sent again", Duration.ofSeconds(30), () -> outbox(after).equals("DELIVERED:" + (attempts + 1)));
        List<String> answers = timeline(after, ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED).stream().map(ComplaintEvent::getNote).toList();
        assertEquals(List.of(room.getName() + "/verifiedComplaints/" + after.getNumber()), answers.stream().distinct().toList(),
                "both answers name the one record");
        assertEquals(2, answers.size());
        assertEquals(verified.size() + 1, tally.of(room.getName()), "the resent signal counts once");
    }

    /** Stubs that wait for a restarted service's connection instead of failing at once with the error of the outage. */
    private static ConsumerRightsServiceGrpc.ConsumerRightsServiceBlockingStub consumerRights() {
        return platform.consumerRights().withWaitForReady();
    }

    private static RoomGradingServiceGrpc.RoomGradingServiceBlockingStub roomGrading() {
        return platform.roomGrading().withWaitForReady();
    }

    private static Room room() {
        return roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder()
                .setRoomOperator("roomOperators/" + UUID.randomUUID()).setLiveAccountId("acct-" + UUID.randomUUID().toString().substring(0, 12))
                .setDisplayName("示例直播间").addGoodsCategories(GoodsCategory.GOODS_CATEGORY_HOME)).build());
    }

    /** A complaint about the room, found substantiated: the platform verified it (Art. 20 ¶3). */
    private static Complaint fileAndVerify(Room room) {
        Complaint filed = consumerRights().createComplaint(CreateComplaintRequest.newBuilder().setComplaint(Complaint.newBuilder()
                .setCategory(Category.CATEGORY_QUALITY).setRoom(room.getName()).setRequestedRemedy(Remedy.REMEDY_REFUND)
                .setDescription("收到的保温杯漏水，直播间宣称“绝不漏水”。The flask leaks although the host said it never would.")
                .setContact("13812345678").setBuyerRef("buyer-7781")).build());
        return consumerRights().resolveComplaint(ResolveComplaintRequest.newBuilder().setName(filed.getName())
                .setResolution("商品确有质量问题，已全额退款").setSubstantiated(true).build());
    }

    private static Complaint get(Complaint complaint) {
        return consumerRights().getComplaint(GetComplaintRequest.newBuilder().setName(complaint.getName()).build());
    }

    private static void awaitDelivered(List<Complaint> complaints) {
        Suite.await("room-grading has every verified complaint", Duration.ofSeconds(60),
                () -> complaints.stream().allMatch(c -> get(c).getGradingSignal() == Delivery.DELIVERY_DONE));
    }

    /** One outbox event for the complaint's signal, delivered; one timeline entry naming room-grading's record; no failure. */
    private static void assertDeliveredOnce(Room room, Complaint complaint) {
        assertTrue(outbox(complaint).startsWith("DELIVERED:"), complaint.getNumber() + ": " + outbox(complaint));
        List<ComplaintEvent> delivered = timeline(complaint, ComplaintEvent.Kind.KIND_GRADING_SIGNAL_DELIVERED);
        assertEquals(1, delivered.size(), complaint.getNumber() + " delivered once");
        assertEquals(room.getName() + "/verifiedComplaints/" + complaint.getNumber(), delivered.get(0).getNote());
        assertEquals(List.of(), timeline(complaint, ComplaintEvent.Kind.KIND_DELIVERY_FAILED));
        assertEquals(Delivery.DELIVERY_DONE, get(complaint).getGradingSignal());
    }

    private static List<ComplaintEvent> timeline(Complaint complaint, ComplaintEvent.Kind kind) {
        return consumerRights().listComplaintEvents(ListComplaintEventsRequest.newBuilder().setParent(complaint.getName())
                .setPageSize(200).build()).getEventsList().stream().filter(e -> e.getKind() == kind).toList();
    }

    /** Still waiting in the outbox after at least {@code attempts} failed attempts. */
    private static boolean pendingAfter(Complaint complaint, int attempts) {
        String[] row = outbox(complaint).split(":");
        return row[0].equals("PENDING") && Integer.parseInt(row[1]) >= attempts;
    }

    /** "STATUS:attempts" of the complaint's one signal event in consumer-rights' outbox (fails if there is not exactly one). */
    private static String outbox(Complaint complaint) {
        List<String> rows = Suite.rows(consumerDatabase, "SELECT status, attempts FROM outbox_events WHERE event_type = '"
                + VERIFIED_COMPLAINT + "' AND subject = '" + complaint.getNumber() + "'");
        assertEquals(1, rows.size(), complaint.getNumber() + ": one outbox event per verified complaint, found " + rows);
        return rows.get(0);
    }
}
