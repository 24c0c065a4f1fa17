package org.livecomply.training.domain;

import java.time.Instant;
import org.livecomply.commons.error.Violations;

/** A recorded refusal to attend a course (Art. 10 ¶1). Append-only. */
public record TrainingRefusal(String id, Subject subject, CourseRef course, Instant refuseTime, String note, String recordedBy,
                              Instant recordTime) {

    public static final String COLLECTION = "trainingRefusals/";

    public String name() {
        return COLLECTION + id;
    }

    /** Checks the caller's refuse time (when given) and note; names are checked when parsed. */
    public static void check(Instant refuseTime, String note, Instant now, Violations violations) {
        String path = "training_refusal.";
        if (refuseTime != null && refuseTime.isAfter(now.plus(TrainingRules.CLOCK_SKEW))) {
            violations.add(path + "refuse_time", path + "refuse_time must not be in the future");
        } else if (refuseTime != null && refuseTime.isBefore(now.minus(TrainingRules.MAXIMUM_RECORD_AGE))) {
            violations.add(path + "refuse_time", path + "refuse_time must be within the last " + TrainingRules.MAXIMUM_RECORD_AGE.toDays() + " days");
        }
        violations.text(path + "note", note, 0, 1000);
    }
}
