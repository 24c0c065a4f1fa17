package org.livecomply.consumer.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.commons.idempotency.Idempotency;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.consumer.client.ArchiveClient;
import org.livecomply.consumer.domain.Category;
import org.livecomply.consumer.domain.Channel;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.NewComplaint;
import org.livecomply.consumer.domain.OrderEvent;
import org.livecomply.consumer.domain.Remedy;
import org.livecomply.consumer.repository.ComplaintRepository;
import org.livecomply.consumer.repository.ComplaintRow;
import org.livecomply.consumer.repository.RoomDisposalRepository;
import org.livecomply.consumer.repository.RoomDisposalRow;

/**
 * Art. 23: when a disposal suspends or closes a room, the affected consumers' open orders, after-sales and
 * disputes are arranged. Every order of the room (the archive's room_id is the room's live account) that is
 * neither completed nor refunded becomes a tracked after-sales case: a complaint of channel ROOM_DISPOSAL
 * with the published clocks and a legal hold on its records. Once per disposal, however often it arrives.
 */
@Singleton
public class RoomDisposalService {

    private final ArchiveClient archive;
    private final ComplaintService complaintService;
    private final ComplaintRepository complaints;
    private final RoomDisposalRepository disposals;
    private final Idempotency idempotency;
    private final Clock clock;

    public RoomDisposalService(ArchiveClient archive, ComplaintService complaintService, ComplaintRepository complaints,
                               RoomDisposalRepository disposals, Idempotency idempotency, Clock clock) {
        this.archive = archive;
        this.complaintService = complaintService;
        this.complaints = complaints;
        this.disposals = disposals;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** What room-grading hands over. */
    public record Handoff(String eventId, String disposal, String room, String roomOperator, String liveAccountId, String measure,
                          String sessionId) {
    }

    /** The outcome: the orders found and the cases of the open ones. */
    public record Received(String disposal, int ordersFound, List<String> complaints) {
    }

    /** Reads the room's orders from the archive first (no transaction held over the call), then opens the cases. */
    public Received receive(String requestId, String fingerprint, Handoff handoff) {
        Map<String, List<OrderEvent>> orders = new LinkedHashMap<>();
        for (TransactionRecord record : archive.recordsOfRoom(handoff.liveAccountId())) {
            orders.computeIfAbsent(record.getOrderId(), id -> new ArrayList<>()).add(OrderEvents.of(record));
        }
        return open(requestId, fingerprint, handoff, orders);
    }

    @Transactional
    public Received open(String requestId, String fingerprint, Handoff handoff, Map<String, List<OrderEvent>> orders) {
        return idempotency.once("ReceiveRoomDisposal", requestId, fingerprint, () -> {
            Optional<RoomDisposalRow> earlier = disposals.findByDisposal(handoff.disposal());
            if (earlier.isEmpty()) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                try {
                    disposals.save(new RoomDisposalRow(null, handoff.disposal(), handoff.room(), handoff.measure(), handoff.eventId(),
                            orders.size(), now));
                } catch (RuntimeException e) {
                    if (IntegrityViolations.isIntegrityViolation(e)) {
                        throw new org.livecomply.commons.error.ConcurrencyConflictException(Idempotency.REQUEST_IN_PROGRESS,
                                "the hand-off of " + handoff.disposal() + " is being received concurrently; retry");
                    }
                    throw e;
                }
                orders.forEach((orderId, events) -> {
                    if (open(events)) {
                        complaintService.openHandoffCase(caseOf(handoff, orderId), handoff.disposal());
                    }
                });
            }
            return received(handoff.disposal());
        }, received -> received.disposal(), this::received);
    }

    private Received received(String disposal) {
        RoomDisposalRow row = disposals.findByDisposal(disposal).orElseThrow();
        List<String> names = complaints.findByDisposalOrderBySeq(disposal).stream().map(ComplaintRow::number)
                .map(n -> Complaint.COLLECTION + n).toList();
        return new Received(disposal, row.ordersFound(), names);
    }

    /** Open: no completion and no refund archived (a returned or after-sales order not yet refunded stays open). */
    static boolean open(List<OrderEvent> events) {
        return events.stream().noneMatch(e -> e.kind() == OrderEvent.Kind.COMPLETED || e.kind() == OrderEvent.Kind.REFUNDED);
    }

    private static NewComplaint caseOf(Handoff handoff, String orderId) {
        String description = "订单 " + orderId + " 所在直播间因处置措施（" + handoff.measure() + "）暂停或关闭，平台跟进该订单的售后与纠纷（《直播电商监督管理办法》第二十三条）。"
                + " Order " + orderId + ": the room was suspended or closed by disposal " + handoff.disposal() + " (" + handoff.measure()
                + "); the platform follows up its after-sales and disputes (Art. 23).";
        return new NewComplaint(Channel.ROOM_DISPOSAL, Category.AFTER_SALES_HANDOFF, description, orderId, handoff.room(),
                handoff.roomOperator(), "", (Remedy) null, "", "");
    }
}
