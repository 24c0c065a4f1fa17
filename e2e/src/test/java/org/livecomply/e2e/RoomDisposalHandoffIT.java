package org.livecomply.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livecomply.api.archive.v1.AppendRecordRequest;
import org.livecomply.api.archive.v1.Artefact;
import org.livecomply.api.archive.v1.LogisticsFacts;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.PaymentFacts;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.api.consumer.v1.Category;
import org.livecomply.api.consumer.v1.Channel;
import org.livecomply.api.consumer.v1.Complaint;
import org.livecomply.api.consumer.v1.ConsumerRightsServiceGrpc;
import org.livecomply.api.consumer.v1.LegalHoldState;
import org.livecomply.api.consumer.v1.ListComplaintsRequest;
import org.livecomply.api.grading.v1.CreateDisposalRequest;
import org.livecomply.api.grading.v1.CreateRoomRequest;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.GoodsCategory;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.RecordViolationRequest;
import org.livecomply.api.grading.v1.RedLine;
import org.livecomply.api.grading.v1.Room;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.grading.v1.ViolationSource;
import org.livecomply.api.type.v1.Money;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;
import org.livecomply.testsupport.ServiceProcess;
import org.livecomply.testsupport.TestDatabase;

/**
 * The Art. 23 hand-off with real processes: room-grading decides a measure that takes a room off the air, its
 * outbox delivers the hand-off to consumer-rights' ReceiveRoomDisposal, and every open order of the room that the
 * archive holds (neither completed nor refunded) becomes one tracked after-sales case, its records put on legal
 * hold in the archive; a disposal decided while consumer-rights is down is handed over once it is back, once.
 */
class RoomDisposalHandoffIT {

    private static ServiceProcess archive;
    private static ServiceProcess grading;
    private static ServiceProcess consumer;
    private static TestDatabase.Database gradingDatabase;
    private static LiveComplyClient platform;

    @BeforeAll
    static void start() {
        archive = Suite.start("handoff-archive", "transaction-archive-service");
        // Each calls the other (consumer-rights → room-grading along the DAG, room-grading → consumer-rights from its
        // outbox), so both ports are chosen before either starts.
        int gradingPort = Suite.freePort();
        int consumerPort = Suite.freePort();
        gradingDatabase = Suite.database("handoff-grading");
        grading = Suite.builder("handoff-grading", "room-grading-service", gradingDatabase).ports(gradingPort, Suite.freePort())
                .env("LIVECOMPLY_CLIENTS_CONSUMER_ADDRESS", Suite.address(consumerPort))
                .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", Suite.NOWHERE)
                .env("LIVECOMPLY_CLIENTS_TRAINING_ADDRESS", Suite.NOWHERE)
                .env("LIVECOMPLY_GRADING_OUTBOX_INTERVAL", "1s")
                .build().start();
        consumer = Suite.builder("handoff-consumer", "consumer-rights-service", Suite.database("handoff-consumer"))
                .ports(consumerPort, Suite.freePort())
                .env("LIVECOMPLY_CLIENTS_GRADING_ADDRESS", Suite.address(gradingPort))
                .env("LIVECOMPLY_CLIENTS_ARCHIVE_ADDRESS", archive.grpcAddress())
                .env("LIVECOMPLY_CLIENTS_IDENTITY_ADDRESS", Suite.NOWHERE)
                .env("LIVECOMPLY_CONSUMER_OUTBOX_INTERVAL", "500ms")
                .env("LIVECOMPLY_CONSUMER_OUTBOX_INITIAL_BACKOFF", "1s")
                .env("LIVECOMPLY_CONSUMER_OUTBOX_MAX_BACKOFF", "2s")
                .build().start();
        platform = Suite.client(Map.of(LiveComplyService.ARCHIVE, archive, LiveComplyService.ROOM_GRADING, grading,
                LiveComplyService.CONSUMER_RIGHTS, consumer), "archive.append", "grading.write", "grading.decide", "consumer.read");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        for (ServiceProcess process : new ServiceProcess[] {consumer, grading, archive}) {
            if (process != null) {
                process.stop();
            }
        }
    }

    @BeforeEach
    void allRunning() {
        for (ServiceProcess process : List.of(archive, grading, consumer)) {
            if (!process.isAlive()) {
                process.start();
            }
        }
    }

    @Test
    void theOpenOrdersOfASuspendedRoomBecomeTrackedAfterSalesCases() {
        Room room = room();
        String placed = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED);
        String delivered = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED, TransactionRecord.Event.EVENT_PAID,
                TransactionRecord.Event.EVENT_SHIPPED, TransactionRecord.Event.EVENT_DELIVERED);
        String returnedNotRefunded = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED, TransactionRecord.Event.EVENT_PAID,
                TransactionRecord.Event.EVENT_DELIVERED, TransactionRecord.Event.EVENT_RETURNED);
        String completed = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED, TransactionRecord.Event.EVENT_PAID,
                TransactionRecord.Event.EVENT_DELIVERED, TransactionRecord.Event.EVENT_COMPLETED);
        String refunded = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED, TransactionRecord.Event.EVENT_PAID,
                TransactionRecord.Event.EVENT_REFUNDED);
        String elsewhere = order(room(), TransactionRecord.Event.EVENT_ORDER_PLACED);

        Disposal suspension = dispose(room, Measure.MEASURE_STREAMING_SUSPENSION, Severity.SEVERITY_SERIOUS);

        List<String> open = List.of(placed, delivered, returnedNotRefunded);
        awaitCases(open);
        open.forEach(order -> assertOneCase(order, room, suspension));
        for (String notOpen : List.of(completed, refunded, elsewhere)) {
            assertEquals(List.of(), cases(notOpen), notOpen + " is not an open order of the room");
        }
        Suite.await("the archive holds every case's records (legal hold placed)", Duration.ofSeconds(30),
                () -> open.stream().allMatch(order -> cases(order).get(0).getLegalHold() == LegalHoldState.LEGAL_HOLD_STATE_ACTIVE));
        assertEquals(List.of("DELIVERED"), handoffEvents(suspension, "status"));
    }

    @Test
    void aClosureDecidedWhileConsumerRightsIsDownIsHandedOverOnceItIsBack() {
        Room room = room();
        String paid = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED, TransactionRecord.Event.EVENT_PAID);
        String shipped = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED, TransactionRecord.Event.EVENT_PAID,
                TransactionRecord.Event.EVENT_SHIPPED);
        String completed = order(room, TransactionRecord.Event.EVENT_ORDER_PLACED, TransactionRecord.Event.EVENT_PAID,
                TransactionRecord.Event.EVENT_DELIVERED, TransactionRecord.Event.EVENT_COMPLETED);

        consumer.stop();
        Disposal closure = dispose(room, Measure.MEASURE_ACCOUNT_CLOSURE, Severity.SEVERITY_GRAVE);
        Suite.await("room-grading tried to hand the closure over and keeps it for later", Duration.ofSeconds(30),
                () -> handoffEvents(closure, "status").equals(List.of("PENDING"))
                        && Integer.parseInt(handoffEvents(closure, "attempts").get(0)) >= 1);
        assertFalse(handoffEvents(closure, "last_error").get(0).isBlank(), "the failure is kept for a person to see");

        consumer.start();
        awaitCases(List.of(paid, shipped));
        Suite.await("room-grading marks the hand-off delivered", Duration.ofSeconds(60),
                () -> handoffEvents(closure, "status").equals(List.of("DELIVERED")));
        assertOneCase(paid, room, closure);
        assertOneCase(shipped, room, closure);
        assertEquals(List.of(), cases(completed));
        assertEquals(2, consumerRights().listComplaints(ListComplaintsRequest.newBuilder()
                .setChannel(Channel.CHANNEL_ROOM_DISPOSAL).setPageSize(200).build()).getComplaintsList().stream()
                .filter(c -> c.getDisposal().equals(closure.getName())).count(), "one case per open order, however often it was sent");
    }

    private static ConsumerRightsServiceGrpc.ConsumerRightsServiceBlockingStub consumerRights() {
        return platform.consumerRights().withWaitForReady();
    }

    /** A room on a live account of its own: the archive knows the room's orders by that account (room_id). */
    private static Room room() {
        return platform.roomGrading().createRoom(CreateRoomRequest.newBuilder().setRoom(Room.newBuilder()
                .setRoomOperator("roomOperators/" + UUID.randomUUID()).setLiveAccountId("acct-" + UUID.randomUUID().toString().substring(0, 12))
                .setDisplayName("示例直播间").addGoodsCategories(GoodsCategory.GOODS_CATEGORY_HOME)).build());
    }

    /** A measure decided on a violation in the room (Art. 12 ¶1); the reason covers a departure from the rule table. */
    private static Disposal dispose(Room room, Measure measure, Severity severity) {
        Violation violation = platform.roomGrading().recordViolation(RecordViolationRequest.newBuilder().setParent(room.getName())
                .setViolation(Violation.newBuilder().setRedLine(RedLine.RED_LINE_FALSE_CLAIM).setSeverity(severity)
                        .setSource(ViolationSource.VIOLATION_SOURCE_PATROL).setDescription("claimed the flask never leaks")
                        .addEvidence(Evidence.newBuilder().setArtefactSha256("a".repeat(64)).setDescription("replay 00:12:31"))
                        .setOccurTime(GoLiveSubjects.timestamp(Instant.now().minusSeconds(3600)))).build());
        Disposal.Builder decision = Disposal.newBuilder().setMeasure(measure).addViolations(violation.getName())
                .setFacts("The host claimed the flask never leaks (replay 00:12:31); buyers report leaks.")
                .setReasons("A false claim about the goods' quality misleads consumers.")
                .setLegalBasis("Art. 34; Art. 12 ¶1; platform rule 4.2").setAppealChannel("appeals.platform.example, within 15 days")
                .setDeviationReason("many buyers harmed");
        if (measure == Measure.MEASURE_STREAMING_SUSPENSION) {
            decision.setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(Duration.ofDays(7).toSeconds()));
        }
        return platform.roomGrading().createDisposal(CreateDisposalRequest.newBuilder().setParent(room.getName()).setDisposal(decision).build());
    }

    /** An order from the room, with these events archived in turn; its id. */
    private static String order(Room room, TransactionRecord.Event... events) {
        String orderId = "order-" + UUID.randomUUID().toString().substring(0, 12);
        Instant at = Instant.now().minus(Duration.ofHours(2));
        Money price = Money.newBuilder().setCurrencyCode("CNY").setAmountMinor(9900).build();
        for (TransactionRecord.Event event : events) {
            at = at.plus(Duration.ofMinutes(10));
            TransactionRecord.Builder record = TransactionRecord.newBuilder().setOrderId(orderId).setEventId(event.name())
                    .setEvent(event).setOccurTime(GoLiveSubjects.timestamp(at)).setRoomId(room.getLiveAccountId())
                    .setSessionId("session-1").setBuyerRef("buyer-" + orderId);
            switch (event) {
                case EVENT_ORDER_PLACED -> record.addItems(OrderItem.newBuilder().setSku("sku-1").setTitle("保温杯").setQuantity(1)
                                .setAnnouncedPrice(price).setChargedPrice(price))
                        .addArtefacts(Artefact.newBuilder().setKind(Artefact.Kind.KIND_PRODUCT_PAGE_SNAPSHOT)
                                .setSha256(ByteString.copyFrom(new byte[32])).setUri("https://cdn.example.cn/snap/" + orderId + ".html")
                                .setMediaType("text/html"));
                case EVENT_PAID, EVENT_REFUNDED -> record.setPayment(PaymentFacts.newBuilder().setMethod("alipay")
                        .setTransactionRef("tx-" + orderId).setAmount(price));
                case EVENT_SHIPPED, EVENT_DELIVERED -> record.setLogistics(LogisticsFacts.newBuilder().setCarrier("SF")
                        .setTrackingNumber("SF" + orderId));
                default -> {
                }
            }
            platform.archive().appendRecord(AppendRecordRequest.newBuilder().setRecord(record).build());
        }
        return orderId;
    }

    private static List<Complaint> cases(String orderId) {
        return consumerRights().listComplaints(ListComplaintsRequest.newBuilder().setOrderId(orderId).setPageSize(200).build())
                .getComplaintsList();
    }

    private static void awaitCases(List<String> orders) {
        Suite.await("consumer-rights tracks " + orders, Duration.ofSeconds(60), () -> orders.stream().noneMatch(o -> cases(o).isEmpty()));
    }

    /** Exactly one after-sales case for the order, opened by the hand-off of {@code disposal} (Art. 23). */
    private static void assertOneCase(String orderId, Room room, Disposal disposal) {
        List<Complaint> cases = cases(orderId);
        assertEquals(1, cases.size(), orderId + ": one case per open order, found " + cases);
        Complaint handoff = cases.get(0);
        assertEquals(Channel.CHANNEL_ROOM_DISPOSAL, handoff.getChannel());
        assertEquals(Category.CATEGORY_AFTER_SALES_HANDOFF, handoff.getCategory());
        assertEquals(disposal.getName(), handoff.getDisposal());
        assertEquals(room.getName(), handoff.getRoom());
        assertEquals(room.getRoomOperator(), handoff.getRoomOperator());
        assertTrue(handoff.getDescription().contains(orderId), handoff.getDescription());
        assertTrue(handoff.getClocksCount() > 0, "the published deadlines run for the case (Art. 20)");
    }

    /** The given columns of room-grading's outbox events handing {@code disposal} over, one row each. */
    private static List<String> handoffEvents(Disposal disposal, String columns) {
        return Suite.rows(gradingDatabase, "SELECT " + columns + " FROM outbox_events WHERE kind = 'CONSUMER_ORDERS_HANDOFF' AND source = '"
                + disposal.getName() + "'");
    }
}
