package org.livecomply.training.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.commons.error.RuleViolation;

/**
 * The checks of a training statement against its course (Art. 10 ¶1: marketers must not fake training):
 * the version is published and in force on the completion day, it is meant for the subject's audience,
 * and neither the watched time nor the time from start to completion is shorter than the course's minimum.
 */
public final class RecordPlausibility {

    public static final String ARTICLE = "Art. 10 ¶1";
    public static final String COURSE_NOT_IN_FORCE = "COURSE_NOT_IN_FORCE";
    public static final String COURSE_AUDIENCE_MISMATCH = "COURSE_AUDIENCE_MISMATCH";
    public static final String TRAINING_DURATION_IMPLAUSIBLE = "TRAINING_DURATION_IMPLAUSIBLE";

    private RecordPlausibility() {
    }

    /** Every broken rule; empty when the statement is plausible. */
    public static List<RuleViolation> violations(Course course, NewTrainingRecord record) {
        List<RuleViolation> violations = new ArrayList<>();
        String subject = record.subject().name();
        if (!course.inForceOn(TrainingRules.dayOf(record.completeTime()))) {
            violations.add(new RuleViolation(COURSE_NOT_IN_FORCE, ARTICLE, course.name(), course.name() + " is "
                    + (course.published() ? "not in force on " + TrainingRules.dayOf(record.completeTime()) + " (China time)" : "a draft")
                    + ": training counts only on a published course in force when it is completed"));
        }
        if (course.audience() != record.subject().audience()) {
            violations.add(new RuleViolation(COURSE_AUDIENCE_MISMATCH, ARTICLE, subject, course.name() + " is for "
                    + course.audience() + ", not for " + record.subject().audience()));
        }
        Duration elapsed = Duration.between(record.startTime(), record.completeTime());
        if (elapsed.compareTo(course.minimumDuration()) < 0) {
            violations.add(new RuleViolation(TRAINING_DURATION_IMPLAUSIBLE, ARTICLE, subject, "completed " + elapsed
                    + " after starting, faster than the course's minimum of " + course.minimumDuration()));
        } else if (record.watchedDuration().compareTo(course.minimumDuration()) < 0) {
            violations.add(new RuleViolation(TRAINING_DURATION_IMPLAUSIBLE, ARTICLE, subject, "watched " + record.watchedDuration()
                    + ", less than the course's minimum of " + course.minimumDuration()));
        }
        return violations;
    }
}
