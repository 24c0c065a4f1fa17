package org.livecomply.grading.domain;

import java.time.Instant;
import org.livecomply.commons.error.Violations;

/** What the platform measured about a room (Art. 11 ¶1: followers and visits, transaction scale, influence). */
public record RoomMetrics(long followers, long visits30d, long gmv30dFen, long orders30d, long marketerInfluence, Instant measureTime) {

    public static final RoomMetrics NONE = new RoomMetrics(0, 0, 0, 0, 0, null);
    private static final long MAX_COUNT = 1_000_000_000_000L;

    public void check(Violations violations, String path, Instant now) {
        range(violations, path + "followers", followers, MAX_COUNT);
        range(violations, path + "visits_30d", visits30d, MAX_COUNT * 10);
        range(violations, path + "gmv_30d.amount_minor", gmv30dFen, MAX_COUNT * 1000);
        range(violations, path + "orders_30d", orders30d, MAX_COUNT);
        range(violations, path + "marketer_influence", marketerInfluence, MAX_COUNT);
        violations.when(measureTime == null, path + "measure_time", path + "measure_time is required")
                .when(measureTime != null && measureTime.isAfter(now.plusSeconds(300)), path + "measure_time",
                        path + "measure_time must not be in the future");
    }

    private static void range(Violations violations, String field, long value, long max) {
        violations.when(value < 0 || value > max, field, field + " must be 0.." + max);
    }
}
