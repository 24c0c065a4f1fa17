package org.livecomply.consumer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CRPL Art. 25: 7 days from the day after receipt, exceptions, refund 7 days after the goods come back. */
class ReturnRulesTest {

    private static final ReturnRules RULES = new ReturnRules(7, 7);
    /** Received Sat Nov 7, 23:30 China time. */
    private static final OrderEvent DELIVERED = new OrderEvent(5, OrderEvent.Kind.DELIVERED, Instant.parse("2026-11-07T15:30:00Z"));

    @Test
    void theWindowEndsAtMidnightChinaTimeAfterTheSeventhDayFromTheDayAfterReceipt() {
        Instant end = Instant.parse("2026-11-14T16:00:00Z");
        ReturnEligibility last = RULES.judge("o", List.of(DELIVERED), Set.of(), end.minusNanos(1000));
        assertEquals(ReturnEligibility.Verdict.ELIGIBLE, last.verdict());
        assertEquals(end, last.windowEndTime());
        assertEquals(ReturnEligibility.Verdict.WINDOW_ENDED, RULES.judge("o", List.of(DELIVERED), Set.of(), end).verdict());
    }

    @Test
    void exceptionsNonDeliveryAndReturnsDecideFirst() {
        Instant now = Instant.parse("2026-11-09T00:00:00Z");
        assertEquals(ReturnEligibility.Verdict.EXCLUDED, RULES.judge("o", List.of(DELIVERED), Set.of(ReturnException.CUSTOM_MADE), now).verdict());
        assertEquals(ReturnEligibility.Verdict.NOT_DELIVERED, RULES.judge("o", List.of(), Set.of(), now).verdict());
        assertEquals(ReturnEligibility.Verdict.NOT_DELIVERED, RULES.judge("o", List.of(DELIVERED), Set.of(), DELIVERED.occurTime().minusSeconds(1))
                .verdict(), "an event after the check time is not known yet");
        OrderEvent returned = new OrderEvent(9, OrderEvent.Kind.RETURNED, Instant.parse("2026-11-10T01:00:00Z"));
        ReturnEligibility back = RULES.judge("o", List.of(DELIVERED, returned), Set.of(), Instant.parse("2026-11-11T00:00:00Z"));
        assertEquals(ReturnEligibility.Verdict.RETURNED, back.verdict());
        assertEquals(Instant.parse("2026-11-17T16:00:00Z"), back.refundDueTime());
        assertEquals(List.of("records/5", "records/9"), back.records());
    }
}
