package org.livecomply.grading.domain;

import java.time.Instant;
import org.livecomply.commons.error.Violations;

/** Regulator-shared credit data about the room's operator (Art. 11 ¶2). Credit repair cancels the two listings. */
public record CreditRecord(boolean abnormalOperationListed, boolean seriousDishonestyListed, int penalties365d, boolean creditRepaired,
                           String source, Instant asOfTime) {

    public void check(Violations violations, String path, Instant now) {
        violations.when(penalties365d < 0 || penalties365d > 1000, path + "penalties_365d", path + "penalties_365d must be 0..1000")
                .text(path + "source", source, 1, 200)
                .when(asOfTime == null, path + "as_of_time", path + "as_of_time is required")
                .when(asOfTime != null && asOfTime.isAfter(now.plusSeconds(300)), path + "as_of_time", path + "as_of_time must not be in the future");
    }

    /** Listed as abnormal operation and not repaired (Art. 11 ¶2: credit repair). */
    public boolean abnormalOperationCounts() {
        return abnormalOperationListed && !creditRepaired;
    }

    public boolean seriousDishonestyCounts() {
        return seriousDishonestyListed && !creditRepaired;
    }
}
