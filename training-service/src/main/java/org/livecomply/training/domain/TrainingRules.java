package org.livecomply.training.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The training rules in force: the platform's annual window and the fixed legal and plausibility limits. */
public record TrainingRules(AnnualWindow annualWindow) {

    /** Calendar days and years are China's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How long after the fact a completion, refusal or read receipt may still be stated. */
    public static final Duration MAXIMUM_RECORD_AGE = Duration.ofDays(366);
    /** Allowed clock difference between the training system and us. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
