package org.livecomply.consumer.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.api.archive.v1.OrderItem;
import org.livecomply.api.archive.v1.TransactionRecord;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;
import org.livecomply.commons.error.Violations;
import org.livecomply.consumer.client.ArchiveClient;
import org.livecomply.consumer.domain.ClaimType;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.OrderEvent;
import org.livecomply.consumer.domain.RemedyAssessment;
import org.livecomply.consumer.domain.RemedyRules;
import org.livecomply.consumer.repository.ComplaintRow;

/**
 * CRPL Arts. 24, 55; Food Safety Law Art. 148: the remedies of a claim from the archive's record of the order
 * (the order-placed record's items and charged prices, the latest delivery). Nothing is stored here.
 */
@Singleton
public class RemedyService {

    public static final String ORDER_NOT_NAMED = "ORDER_NOT_NAMED";
    public static final String ORDER_PRICE_NOT_ARCHIVED = "ORDER_PRICE_NOT_ARCHIVED";

    private final ArchiveClient archive;
    private final ComplaintService complaints;
    private final Clock clock;

    public RemedyService(ArchiveClient archive, ComplaintService complaints, Clock clock) {
        this.archive = archive;
        this.complaints = complaints;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The order a complaint is about; ORDER_NOT_NAMED when it names none. */
    public String orderOf(String number) {
        ComplaintRow row = complaints.row(number);
        if (row.orderId() == null) {
            throw new RuleViolationException(new RuleViolation(ORDER_NOT_NAMED, "CRPL Arts. 24, 55", Complaint.COLLECTION + number,
                    "the complaint names no order, so there is no archived price to assess; give order_id"));
        }
        return row.orderId();
    }

    /** {@code skus} empty: every item; otherwise each must be an item of the order (INVALID_ARGUMENT on skus[i] if not). */
    public RemedyAssessment assess(String orderId, ClaimType claim, List<String> skus, Long lossFen, Instant assessTime) {
        Instant at = assessTime == null ? clock.instant() : assessTime;
        List<TransactionRecord> records = archive.recordsOfOrder(orderId);
        TransactionRecord placed = records.stream().filter(r -> r.getEvent() == TransactionRecord.Event.EVENT_ORDER_PLACED).findFirst()
                .orElseThrow(() -> new RuleViolationException(new RuleViolation(ORDER_PRICE_NOT_ARCHIVED, "Art. 16", "orders/" + orderId,
                        "the archive holds no order-placed record of " + orderId + " with its items and charged prices")));
        List<RemedyRules.Item> items = new ArrayList<>();
        Violations violations = new Violations();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            violations.when(placed.getItemsList().stream().noneMatch(item -> item.getSku().equals(sku)), "skus[" + i + "]",
                    "skus[" + i + "] " + sku + " is not an item of order " + orderId);
        }
        violations.throwIfAny();
        for (OrderItem item : placed.getItemsList()) {
            if (skus.isEmpty() || skus.contains(item.getSku())) {
                items.add(new RemedyRules.Item(item.getSku(), item.getTitle(), item.getQuantity(), item.getChargedPrice().getAmountMinor()));
            }
        }
        OrderEvent delivered = null;
        for (TransactionRecord record : records) {
            OrderEvent event = OrderEvents.of(record);
            if (event.kind() == OrderEvent.Kind.DELIVERED && !event.occurTime().isAfter(at)
                    && (delivered == null || !event.occurTime().isBefore(delivered.occurTime()))) {
                delivered = event;
            }
        }
        List<String> used = new ArrayList<>(List.of("records/" + placed.getLeafIndex()));
        if (delivered != null) {
            used.add(delivered.recordName());
        }
        return RemedyRules.assess(orderId, claim, items, lossFen, delivered == null ? null : delivered.occurTime(), used, at);
    }
}
