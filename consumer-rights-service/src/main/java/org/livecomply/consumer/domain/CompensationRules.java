package org.livecomply.consumer.domain;

import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/**
 * The rules of advance compensation. Paying first is the platform's choice (Art. 5 encourages it; ECL Art. 58
 * ¶3 and CRPL Art. 44 ¶1 give it the recovery from the seller); how much it pays on one complaint is a
 * published platform rule (the limit). Money paid from the platform's funds is recovered, never more than
 * was paid; money from the merchant's consumer-protection deposit (ECL Art. 58 ¶2) is the merchant's already.
 */
public final class CompensationRules {

    public static final String EXISTS = "ADVANCE_COMPENSATION_EXISTS";
    public static final String ABOVE_LIMIT = "ADVANCE_COMPENSATION_ABOVE_LIMIT";
    public static final String NOT_FOUND = "ADVANCE_COMPENSATION_NOT_FOUND";
    public static final String RECOVERY_NOT_APPLICABLE = "RECOVERY_NOT_APPLICABLE";
    public static final String RECOVERY_CLOSED = "RECOVERY_CLOSED";
    public static final String RECOVERY_EXCEEDS_COMPENSATION = "RECOVERY_EXCEEDS_COMPENSATION";
    public static final String PAY_ARTICLE = "Art. 5; ECL Art. 58";
    public static final String RECOVERY_ARTICLE = "CRPL Art. 44 ¶1; ECL Art. 58 ¶3";

    private CompensationRules() {
    }

    /** Art. 5; ECL Art. 58: at most the published limit on one complaint. */
    public static void checkPayment(String complaintName, long amountFen, long limitFen) {
        if (amountFen > limitFen) {
            throw new RuleViolationException(new RuleViolation(ABOVE_LIMIT, PAY_ARTICLE, complaintName,
                    "the platform's published limit of advance compensation on one complaint is " + Money.yuan(limitFen) + "; "
                            + Money.yuan(amountFen) + " is more"));
        }
    }

    /** Where the recovery starts: from the platform's funds it is owed by the merchant; from the deposit it is not. */
    public static AdvanceCompensation.RecoveryState initialRecovery(AdvanceCompensation.Payer payer) {
        return payer == AdvanceCompensation.Payer.PLATFORM ? AdvanceCompensation.RecoveryState.PENDING
                : AdvanceCompensation.RecoveryState.NOT_APPLICABLE;
    }

    /** The recovery state once {@code amountFen} more came back; refused when nothing is owed or it would exceed the payment. */
    public static AdvanceCompensation.RecoveryState afterRecovery(AdvanceCompensation compensation, long amountFen) {
        checkOpen(compensation);
        long owed = compensation.amountFen() - compensation.recoveredFen();
        if (amountFen > owed) {
            throw new RuleViolationException(new RuleViolation(RECOVERY_EXCEEDS_COMPENSATION, RECOVERY_ARTICLE, compensation.name(),
                    "the platform recovers what it paid and no more: " + Money.yuan(owed) + " is still owed, " + Money.yuan(amountFen)
                            + " is more"));
        }
        return amountFen == owed ? AdvanceCompensation.RecoveryState.RECOVERED : AdvanceCompensation.RecoveryState.PARTIAL;
    }

    /** Writing off the rest needs something still owed. */
    public static void checkWriteOff(AdvanceCompensation compensation) {
        checkOpen(compensation);
    }

    private static void checkOpen(AdvanceCompensation compensation) {
        if (compensation.recoveryState() == AdvanceCompensation.RecoveryState.NOT_APPLICABLE) {
            throw new RuleViolationException(new RuleViolation(RECOVERY_NOT_APPLICABLE, "ECL Art. 58 ¶2", compensation.name(),
                    "the compensation was paid from the merchant's consumer-protection deposit: there is nothing to recover"));
        }
        if (compensation.recoveryState().isFinal()) {
            throw new RuleViolationException(new RuleViolation(RECOVERY_CLOSED, RECOVERY_ARTICLE, compensation.name(),
                    "the recovery is " + compensation.recoveryState().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " and takes nothing more"));
        }
    }
}
