package org.livecomply.training.domain;

import java.time.Duration;
import java.time.Instant;

/** A stored training statement (Art. 10). Append-only; {@code voiding} is set once it was voided. */
public record TrainingRecord(
        String id,
        Subject subject,
        CourseRef course,
        CourseKind courseKind,
        Instant startTime,
        Instant completeTime,
        Duration watchedDuration,
        int score,
        boolean passed,
        IdentityCheck identityCheck,
        Issuer issuer,
        String certificateId,
        Voiding voiding,
        String recordedBy,
        Instant recordTime) {

    public static final String COLLECTION = "trainingRecords/";

    /** The correction of a record: why, by whom, when. */
    public record Voiding(String reason, String voidedBy, Instant voidTime) {
    }

    public String name() {
        return COLLECTION + id;
    }

    public boolean voided() {
        return voiding != null;
    }
}
