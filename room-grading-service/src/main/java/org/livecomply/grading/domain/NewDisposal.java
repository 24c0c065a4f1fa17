package org.livecomply.grading.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.livecomply.commons.error.Violations;

/**
 * A compliance officer's decision as submitted. {@code violationIds} hold null for a malformed name;
 * {@code marketer} is a marketer id (UUID) or null; {@code startTime} null means now.
 */
public record NewDisposal(Measure measure, List<String> violationIds, String marketer, String sessionId, String facts, String reasons,
                          String legalBasis, String appealChannel, Duration duration, Instant startTime, SubjectIdentity subjectIdentity,
                          String deviationReason) {

    static final int MAX_VIOLATIONS = 20;
    private static final String PATH = "disposal.";

    public NewDisposal {
        violationIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(violationIds));
    }

    public void check(Violations violations, Instant now, LocalDate today) {
        violations.when(measure == null, PATH + "measure", PATH + "measure is required")
                .when(violationIds.isEmpty() || violationIds.size() > MAX_VIOLATIONS, PATH + "violations",
                        PATH + "violations needs 1.." + MAX_VIOLATIONS + " violations of the room")
                .text(PATH + "facts", facts, 1, 2000)
                .text(PATH + "reasons", reasons, 1, 2000)
                .text(PATH + "legal_basis", legalBasis, 1, 500)
                .text(PATH + "appeal_channel", appealChannel, 1, 500)
                .text(PATH + "deviation_reason", deviationReason, 0, 1000)
                .when(startTime != null && startTime.isBefore(now.minus(Duration.ofDays(1))), PATH + "start_time",
                        PATH + "start_time must not be more than 1 day in the past");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < violationIds.size(); i++) {
            String id = violationIds.get(i);
            violations.when(id != null && !seen.add(id), PATH + "violations[" + i + "]", PATH + "violations[" + i + "] is listed twice");
        }
        if (measure == null) {
            return;
        }
        measure.periodProblem(duration).ifPresent(p -> violations.add(PATH + "duration", PATH + "duration " + p));
        if (measure == Measure.SESSION_SUSPENSION) {
            violations.text(PATH + "session_id", sessionId, 1, 64)
                    .matches(PATH + "session_id", sessionId, NewViolation.SESSION_ID, "1..64 of [A-Za-z0-9_.-]");
        } else {
            violations.when(sessionId != null, PATH + "session_id", PATH + "session_id is only for MEASURE_SESSION_SUSPENSION");
        }
        if (measure.identityEntry()) {
            if (subjectIdentity == null) {
                violations.add(PATH + "subject_identity", PATH + "subject_identity is required for " + measure + " (Art. 14)");
            } else {
                subjectIdentity.check(PATH + "subject_identity", violations, today);
            }
        } else {
            violations.when(subjectIdentity != null, PATH + "subject_identity", PATH + "subject_identity is only for re-registration ban and blacklist");
        }
    }
}
