package org.livecomply.consumer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.error.RuleViolationException;

/**
 * CRPL Art. 55 ¶1 (3 × price, at least ¥500), Food Safety Law Art. 148 ¶2 (10 × price or 3 × loss, at least
 * ¥1,000) and CRPL Art. 24 (return within 7 days of receipt, then replacement or repair) at their boundaries.
 */
class RemedyRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    /** Received Sat Nov 7, 23:30 China time: the 7 days end at 00:00 China time on Sun Nov 15. */
    private static final Instant RECEIVED = Instant.parse("2026-11-07T15:30:00Z");
    private static final Instant RETURN_DEADLINE = Instant.parse("2026-11-14T16:00:00Z");

    private static RemedyAssessment assess(ClaimType claim, long unitFen, long quantity, Long lossFen) {
        return RemedyRules.assess("o-1", claim, List.of(new RemedyRules.Item("sku-1", "保温杯", quantity, unitFen)), lossFen, RECEIVED,
                List.of("records/1"), NOW);
    }

    @Test
    void fraudIsThreeTimesThePriceWithAMinimumOfFiveHundredYuan() {
        RemedyAssessment below = assess(ClaimType.FRAUD, 16_666, 1, null);
        assertEquals(16_666, below.pricePaidFen());
        assertEquals(50_000, below.punitiveFen(), "3 × ¥166.66 = ¥499.98 is raised to ¥500");
        assertTrue(below.minimumApplied());
        assertEquals("statutory minimum ¥500.00 (3 × price_paid = ¥499.98)", below.punitiveBasis());
        assertEquals(66_666, below.totalFen(), "the price back plus the increase");
        assertEquals(List.of(Remedy.REFUND, Remedy.COMPENSATION), below.remedies());

        RemedyAssessment above = assess(ClaimType.FRAUD, 16_667, 1, null);
        assertEquals(50_001, above.punitiveFen());
        assertFalse(above.minimumApplied());
        assertEquals("3 × price_paid = ¥500.01", above.punitiveBasis());
        assertEquals("CRPL Art. 55 ¶1", above.article());

        assertEquals(50_000, assess(ClaimType.FRAUD, 0, 1, null).punitiveFen(), "a free item still gives the minimum");
        assertEquals(3 * 99_900 * 3, assess(ClaimType.FRAUD, 99_900, 3, null).punitiveFen(), "price × quantity");
    }

    @Test
    void foodSafetyIsTenTimesThePriceOrThreeTimesTheLossWithAMinimumOfOneThousandYuan() {
        RemedyAssessment below = assess(ClaimType.FOOD_SAFETY, 9_999, 1, null);
        assertEquals(100_000, below.punitiveFen());
        assertTrue(below.minimumApplied());
        RemedyAssessment exactly = assess(ClaimType.FOOD_SAFETY, 10_000, 1, null);
        assertEquals(100_000, exactly.punitiveFen());
        assertFalse(exactly.minimumApplied(), "10 × ¥100 is ¥1,000, not below it");
        assertEquals(100_010, assess(ClaimType.FOOD_SAFETY, 10_001, 1, null).punitiveFen());

        RemedyAssessment byLoss = assess(ClaimType.FOOD_SAFETY, 20_000, 1, 66_667L);
        assertEquals(200_001, byLoss.punitiveFen(), "3 × ¥666.67 beats 10 × ¥200");
        assertEquals("3 × loss = ¥2,000.01", byLoss.punitiveBasis());
        assertEquals(200_000, assess(ClaimType.FOOD_SAFETY, 20_000, 1, 66_666L).punitiveFen(), "10 × price beats 3 × ¥666.66");
        assertEquals("Food Safety Law Art. 148 ¶2", byLoss.article());
    }

    @Test
    void aQualityDefectMayBeReturnedUntilTheSeventhDayAfterReceiptEndsThenReplacedOrRepaired() {
        RemedyAssessment last = RemedyRules.assess("o-1", ClaimType.QUALITY_DEFECT, List.of(new RemedyRules.Item("sku-1", "保温杯", 2, 9_900)), null,
                RECEIVED, List.of(), RETURN_DEADLINE.minusNanos(1000));
        assertEquals(List.of(Remedy.RETURN, Remedy.REPLACEMENT, Remedy.REPAIR), last.remedies());
        assertEquals(19_800, last.refundFen());
        assertEquals(0, last.punitiveFen());
        assertTrue(last.sellerPaysShipping(), "CRPL Art. 24 ¶2");
        assertEquals(RETURN_DEADLINE, last.returnDeadline());

        RemedyAssessment after = RemedyRules.assess("o-1", ClaimType.QUALITY_DEFECT, List.of(new RemedyRules.Item("sku-1", "保温杯", 2, 9_900)), null,
                RECEIVED, List.of(), RETURN_DEADLINE);
        assertEquals(List.of(Remedy.REPLACEMENT, Remedy.REPAIR), after.remedies());
        assertEquals(0, after.refundFen());
        assertEquals(0, after.totalFen());

        RemedyAssessment undelivered = RemedyRules.assess("o-1", ClaimType.QUALITY_DEFECT, List.of(new RemedyRules.Item("s", "t", 1, 100)), null,
                null, List.of(), NOW);
        assertEquals(List.of(), undelivered.remedies());
        assertNull(undelivered.returnDeadline());
        RemedyAssessment deliveredLater = RemedyRules.assess("o-1", ClaimType.QUALITY_DEFECT, List.of(new RemedyRules.Item("s", "t", 1, 100)), null,
                NOW.plusSeconds(1), List.of(), NOW);
        assertNull(deliveredLater.receiptTime(), "a delivery after the assessed moment is not known then");
    }

    @Test
    void neitherLawCapsTheAmountsButSixtyFourBitsDo() {
        // The archive's largest line: 10^12 fen × 10^6 = 10^18 fen; fraud: 3 × 10^18 fits, food: 10 × 10^18 does not.
        RemedyAssessment fraud = assess(ClaimType.FRAUD, 1_000_000_000_000L, 1_000_000, null);
        assertEquals(3_000_000_000_000_000_000L, fraud.punitiveFen(), "no cap");
        assertEquals(4_000_000_000_000_000_000L, fraud.totalFen());
        RuleViolationException tooMuch = assertThrows(RuleViolationException.class,
                () -> assess(ClaimType.FOOD_SAFETY, 1_000_000_000_000L, 1_000_000, null));
        assertEquals(RemedyRules.AMOUNT_OUT_OF_RANGE, tooMuch.violations().get(0).reason());
    }
}
