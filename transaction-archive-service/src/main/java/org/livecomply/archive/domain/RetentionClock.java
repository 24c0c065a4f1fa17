package org.livecomply.archive.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * When an order's evidence may be erased (Art. 16: at least 3 years from completion; LEGAL.md A-1:
 * "completed" = after-sales closed, a later return or after-sales event restarts the clock).
 */
public record RetentionClock(Instant completionTime, Instant afterSalesTime) {

    public static final int MINIMUM_YEARS = 3;
    private static final Set<String> COMPLETING = Set.of("EVENT_COMPLETED", "EVENT_AFTER_SALES_CLOSED");
    private static final Set<String> RESTARTING = Set.of("EVENT_RETURN_REQUESTED", "EVENT_RETURNED", "EVENT_REFUNDED",
            "EVENT_AFTER_SALES_OPENED", "EVENT_AFTER_SALES_CLOSED");

    public static final RetentionClock NOT_STARTED = new RetentionClock(null, null);

    /** Whether {@code event} starts or restarts the clock; other events leave it as it is. */
    public static boolean moves(String event) {
        return COMPLETING.contains(event) || RESTARTING.contains(event);
    }

    /** The clock after {@code event} occurred at {@code time}; events arrive in any order. */
    public RetentionClock after(String event, Instant time) {
        return new RetentionClock(COMPLETING.contains(event) ? latest(completionTime, time) : completionTime,
                RESTARTING.contains(event) ? latest(afterSalesTime, time) : afterSalesTime);
    }

    /** Null while the transaction is not completed: kept. */
    public Instant retainUntil(int years) {
        if (completionTime == null) {
            return null;
        }
        Instant start = latest(completionTime, afterSalesTime);
        return start.atOffset(ZoneOffset.UTC).plusYears(years).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : (a.isAfter(b) ? a : b);
    }
}
