package org.livecomply.consumer.domain;

/**
 * The feedback deadlines a complaint was filed under (the published policy in force at filing; Art. 20),
 * in working days, and whether waiting on the merchant pauses them (waiting on the consumer always does).
 */
public record Deadlines(int acknowledgeDays, int firstResponseDays, int resolveDays, boolean merchantWaitPauses) {

    public int days(ClockKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> acknowledgeDays;
            case FIRST_RESPONSE -> firstResponseDays;
            case RESOLVE -> resolveDays;
        };
    }

    public boolean pauses(WaitingOn waitingOn) {
        return waitingOn == WaitingOn.CONSUMER || (waitingOn == WaitingOn.MERCHANT && merchantWaitPauses);
    }
}
