package org.livecomply.training.domain;

import java.time.Duration;
import java.time.Instant;
import org.livecomply.commons.error.Violations;

/** The caller's statement of a training, before the course and identity checks. Null means "not given". */
public record NewTrainingRecord(
        Subject subject,
        CourseRef course,
        Instant startTime,
        Instant completeTime,
        Duration watchedDuration,
        Integer score,
        IdentityCheck identityCheck,
        Issuer issuer) {

    private static final String PATH = "training_record.";

    /**
     * The checks that need nothing but the request (Art. 10 ¶1, "no faked training"): completion after
     * start, not in the future nor too old; watched time positive and not longer than the elapsed time;
     * score in range; an identity check during the course. Subject, course and issuer names are checked
     * when parsed.
     */
    public void check(Instant now, Violations violations) {
        if (startTime == null) {
            violations.add(PATH + "start_time", PATH + "start_time is required");
        }
        if (completeTime == null) {
            violations.add(PATH + "complete_time", PATH + "complete_time is required");
        } else if (completeTime.isAfter(now.plus(TrainingRules.CLOCK_SKEW))) {
            violations.add(PATH + "complete_time", PATH + "complete_time must not be in the future");
        } else if (completeTime.isBefore(now.minus(TrainingRules.MAXIMUM_RECORD_AGE))) {
            violations.add(PATH + "complete_time", PATH + "complete_time must be within the last "
                    + TrainingRules.MAXIMUM_RECORD_AGE.toDays() + " days");
        } else if (startTime != null && !completeTime.isAfter(startTime)) {
            violations.add(PATH + "complete_time", "Art. 10 ¶1: complete_time must be after start_time");
        }
        if (watchedDuration == null) {
            violations.add(PATH + "watched_duration", PATH + "watched_duration is required");
        } else if (watchedDuration.isNegative() || watchedDuration.isZero()) {
            violations.add(PATH + "watched_duration", PATH + "watched_duration must be positive");
        } else if (startTime != null && completeTime != null && completeTime.isAfter(startTime)
                && watchedDuration.compareTo(Duration.between(startTime, completeTime)) > 0) {
            violations.add(PATH + "watched_duration", "Art. 10 ¶1: watched_duration must not exceed the time between start and completion");
        }
        violations.when(score == null || score < 0 || score > 100, PATH + "score", PATH + "score must be 0..100");
        if (identityCheck == null) {
            violations.add(PATH + "identity_check", "Art. 10 ¶1: identity_check is required: who sat the course must be checked");
        } else {
            violations.when(identityCheck.method() == null, PATH + "identity_check.method", PATH + "identity_check.method is required")
                    .text(PATH + "identity_check.reference", identityCheck.reference(), 1, 128);
            Instant checked = identityCheck.checkTime();
            if (checked == null) {
                violations.add(PATH + "identity_check.check_time", PATH + "identity_check.check_time is required");
            } else if (startTime != null && completeTime != null && completeTime.isAfter(startTime)
                    && (checked.isBefore(startTime) || checked.isAfter(completeTime))) {
                violations.add(PATH + "identity_check.check_time", "Art. 10 ¶1: identity_check.check_time must lie between start_time and complete_time");
            }
        }
    }
}
