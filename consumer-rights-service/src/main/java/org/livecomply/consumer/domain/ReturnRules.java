package org.livecomply.consumer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.livecomply.commons.calendar.WorkingDayCalendar;

/**
 * CRPL Art. 25: goods bought at a distance may be returned without reason within 7 days of receipt, except
 * the goods of ¶2; the seller refunds within 7 days of receiving them back. Days are China calendar days
 * counted from the day after the event (SAMR Interim Measures on 7-day no-reason returns, Art. 7), so a
 * period ends at 00:00 China time of the 8th day after the event's day. Receipt is the archive's latest
 * delivered event; return is its latest returned event.
 */
public final class ReturnRules {

    private final int returnWindowDays;
    private final int refundDays;

    public ReturnRules(int returnWindowDays, int refundDays) {
        this.returnWindowDays = returnWindowDays;
        this.refundDays = refundDays;
    }

    public ReturnEligibility judge(String orderId, List<OrderEvent> events, Set<ReturnException> exceptions, Instant checkTime) {
        List<OrderEvent> known = events.stream().filter(e -> !e.occurTime().isAfter(checkTime))
                .sorted(Comparator.comparing(OrderEvent::occurTime)).toList();
        OrderEvent delivered = latest(known, OrderEvent.Kind.DELIVERED);
        OrderEvent returned = latest(known, OrderEvent.Kind.RETURNED);
        boolean refunded = latest(known, OrderEvent.Kind.REFUNDED) != null;
        List<String> records = new ArrayList<>();
        for (OrderEvent event : new OrderEvent[] {delivered, returned}) {
            if (event != null) {
                records.add(event.recordName());
            }
        }
        Instant receipt = delivered == null ? null : delivered.occurTime();
        Instant windowEnd = receipt == null ? null : endOfDays(receipt, returnWindowDays);
        Instant returnReceived = returned == null ? null : returned.occurTime();
        Instant refundDue = returnReceived == null ? null : endOfDays(returnReceived, refundDays);
        List<ReturnException> applying = exceptions.stream().sorted().toList();
        ReturnEligibility.Verdict verdict;
        if (returned != null) {
            verdict = ReturnEligibility.Verdict.RETURNED;
        } else if (delivered == null) {
            verdict = ReturnEligibility.Verdict.NOT_DELIVERED;
        } else if (!applying.isEmpty()) {
            verdict = ReturnEligibility.Verdict.EXCLUDED;
        } else if (!checkTime.isBefore(windowEnd)) {
            verdict = ReturnEligibility.Verdict.WINDOW_ENDED;
        } else {
            verdict = ReturnEligibility.Verdict.ELIGIBLE;
        }
        return new ReturnEligibility(orderId, verdict, receipt, windowEnd, applying, returnReceived, refundDue, refunded, checkTime, records);
    }

    /** 00:00 China time after the {@code days}-th day following the day of {@code event}. */
    static Instant endOfDays(Instant event, int days) {
        LocalDate day = event.atZone(WorkingDayCalendar.CHINA).toLocalDate();
        return day.plusDays(days + 1L).atStartOfDay(WorkingDayCalendar.CHINA).toInstant();
    }

    private static OrderEvent latest(List<OrderEvent> events, OrderEvent.Kind kind) {
        OrderEvent latest = null;
        for (OrderEvent event : events) {
            if (event.kind() == kind) {
                latest = event;
            }
        }
        return latest;
    }
}
