package org.livecomply.grading.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/**
 * A violation as reported. Null enums mean unset or unknown. {@code sessionId}, {@code marketer} and
 * {@code regulatorReference} are null when absent; {@code marketer} is the marketer id (a UUID).
 */
public record NewViolation(RedLine redLine, Severity severity, ViolationSource source, String description, String sessionId,
                           String marketer, List<Evidence> evidence, Instant occurTime, String regulatorReference) {

    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Records of the session are kept 3 years (Art. 31); older events cannot be proved any more. */
    static final Duration MAX_AGE = Duration.ofDays(3 * 366);
    private static final String PATH = "violation.";

    public NewViolation {
        evidence = List.copyOf(evidence);
    }

    public void check(Violations violations, Instant now) {
        violations.when(redLine == null, PATH + "red_line", PATH + "red_line is required")
                .when(severity == null, PATH + "severity", PATH + "severity is required")
                .when(source == null, PATH + "source", PATH + "source is required")
                .text(PATH + "description", description, 1, 2000)
                .matches(PATH + "session_id", sessionId, SESSION_ID, "1..64 of [A-Za-z0-9_.-]")
                .when(occurTime == null, PATH + "occur_time", PATH + "occur_time is required")
                .when(occurTime != null && occurTime.isAfter(now.plusSeconds(300)), PATH + "occur_time", PATH + "occur_time must not be in the future")
                .when(occurTime != null && occurTime.isBefore(now.minus(MAX_AGE)), PATH + "occur_time", PATH + "occur_time must be within 3 years");
        Evidence.check(evidence, 1, PATH + "evidence", violations);
        if (source == ViolationSource.REGULATOR_NOTICE) {
            violations.text(PATH + "regulator_reference", regulatorReference, 1, 100);
        } else {
            violations.when(regulatorReference != null, PATH + "regulator_reference",
                    PATH + "regulator_reference is only for VIOLATION_SOURCE_REGULATOR_NOTICE");
        }
    }
}
