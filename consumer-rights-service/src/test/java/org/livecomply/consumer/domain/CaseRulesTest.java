package org.livecomply.consumer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.error.RuleViolationException;

/** Advance compensation (Art. 5; ECL Art. 58; CRPL Art. 44 ¶1) and settlement (ECL Art. 63) rules at their edges. */
class CaseRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private static final String ROOM_OPERATOR = "roomOperators/5b0e3a62-8f0c-4d55-9d2c-2a8f6f1b7c11";

    private static AdvanceCompensation paid(AdvanceCompensation.Payer payer, AdvanceCompensation.RecoveryState state, long recoveredFen) {
        return new AdvanceCompensation("C20261129-AAAAAA", 10_000, payer, "pay-1", NOW, "商家失联", "", "officer", NOW, state, recoveredFen, List.of(), "");
    }

    private static String reason(Runnable refused) {
        return assertThrows(RuleViolationException.class, refused::run).violations().get(0).reason();
    }

    @Test
    void thePaymentIsAtMostThePublishedLimitAndOnlyThePlatformsOwnMoneyIsRecovered() {
        CompensationRules.checkPayment("complaints/C20261129-AAAAAA", 5_000_000, 5_000_000);
        assertEquals(CompensationRules.ABOVE_LIMIT, reason(() -> CompensationRules.checkPayment("complaints/C20261129-AAAAAA", 5_000_001, 5_000_000)));
        assertEquals(AdvanceCompensation.RecoveryState.PENDING, CompensationRules.initialRecovery(AdvanceCompensation.Payer.PLATFORM));
        assertEquals(AdvanceCompensation.RecoveryState.NOT_APPLICABLE,
                CompensationRules.initialRecovery(AdvanceCompensation.Payer.CONSUMER_PROTECTION_DEPOSIT));
    }

    @Test
    void theRecoveryNeverExceedsThePaymentAndEndsWhenComplete() {
        AdvanceCompensation pending = paid(AdvanceCompensation.Payer.PLATFORM, AdvanceCompensation.RecoveryState.PENDING, 0);
        assertEquals(AdvanceCompensation.RecoveryState.PARTIAL, CompensationRules.afterRecovery(pending, 9_999));
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERED, CompensationRules.afterRecovery(pending, 10_000));
        assertEquals(CompensationRules.RECOVERY_EXCEEDS_COMPENSATION, reason(() -> CompensationRules.afterRecovery(pending, 10_001)));
        AdvanceCompensation partial = paid(AdvanceCompensation.Payer.PLATFORM, AdvanceCompensation.RecoveryState.PARTIAL, 6_000);
        assertEquals(AdvanceCompensation.RecoveryState.RECOVERED, CompensationRules.afterRecovery(partial, 4_000));
        assertEquals(CompensationRules.RECOVERY_EXCEEDS_COMPENSATION, reason(() -> CompensationRules.afterRecovery(partial, 4_001)));
        assertEquals(CompensationRules.RECOVERY_CLOSED, reason(() -> CompensationRules.afterRecovery(
                paid(AdvanceCompensation.Payer.PLATFORM, AdvanceCompensation.RecoveryState.RECOVERED, 10_000), 1)));
        assertEquals(CompensationRules.RECOVERY_CLOSED, reason(() -> CompensationRules.checkWriteOff(
                paid(AdvanceCompensation.Payer.PLATFORM, AdvanceCompensation.RecoveryState.WRITTEN_OFF, 0))));
        assertEquals(CompensationRules.RECOVERY_NOT_APPLICABLE, reason(() -> CompensationRules.afterRecovery(
                paid(AdvanceCompensation.Payer.CONSUMER_PROTECTION_DEPOSIT, AdvanceCompensation.RecoveryState.NOT_APPLICABLE, 0), 1)));
    }

    @Test
    void aSettlementIsAgreedOnlyWhenBothPartiesAcceptAndEndsWhenEitherDeclines() {
        Settlement open = new Settlement("s", "C20261129-AAAAAA", "退款 99 元", 9_900L, ROOM_OPERATOR, Settlement.State.PROPOSED, "officer", NOW,
                null, null, null);
        assertEquals(Settlement.State.PROPOSED, SettlementRules.afterAnswer(open, Settlement.Party.CONSUMER, Settlement.Decision.ACCEPT));
        assertEquals(Settlement.State.DECLINED, SettlementRules.afterAnswer(open, Settlement.Party.MERCHANT, Settlement.Decision.DECLINE));
        Settlement consumerAccepted = new Settlement("s", "C20261129-AAAAAA", "退款 99 元", 9_900L, ROOM_OPERATOR, Settlement.State.PROPOSED,
                "officer", NOW, new Settlement.Answer(Settlement.Decision.ACCEPT, "", "officer", NOW), null, null);
        assertEquals(Settlement.State.AGREED, SettlementRules.afterAnswer(consumerAccepted, Settlement.Party.MERCHANT, Settlement.Decision.ACCEPT));
        assertEquals(SettlementRules.ALREADY_ANSWERED, reason(() -> SettlementRules.afterAnswer(consumerAccepted, Settlement.Party.CONSUMER,
                Settlement.Decision.DECLINE)));
        Settlement declined = new Settlement("s", "C20261129-AAAAAA", "t", null, ROOM_OPERATOR, Settlement.State.DECLINED, "officer", NOW, null,
                null, NOW);
        assertEquals(SettlementRules.NOT_OPEN, reason(() -> SettlementRules.afterAnswer(declined, Settlement.Party.CONSUMER,
                Settlement.Decision.ACCEPT)));

        assertEquals(SettlementRules.SELLER_NOT_NAMED, reason(() -> SettlementRules.checkProposal("complaints/C20261129-AAAAAA", "", List.of())));
        assertEquals(SettlementRules.PENDING, reason(() -> SettlementRules.checkProposal("complaints/C20261129-AAAAAA", ROOM_OPERATOR, List.of(open))));
        SettlementRules.checkProposal("complaints/C20261129-AAAAAA", ROOM_OPERATOR, List.of(declined));
    }
}
