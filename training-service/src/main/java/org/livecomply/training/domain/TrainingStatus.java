package org.livecomply.training.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Where a subject stands with its training at {@code evaluateTime} (Art. 10); derived, never stored. */
public record TrainingStatus(
        Subject subject,
        Instant evaluateTime,
        boolean preServiceRequired,
        boolean preServiceComplete,
        Instant preServiceCompleteTime,
        Set<Topic> missingPreServiceTopics,
        boolean annualCurrent,
        AnnualWindow.Window annualWindow,
        Instant lapsesAt,
        List<String> annualCodesPassed,
        List<MissingCourse> missingCourses,
        List<String> overdueNotices,
        List<StatusReason> reasons) {

    public TrainingStatus {
        missingPreServiceTopics = Set.copyOf(missingPreServiceTopics);
        annualCodesPassed = List.copyOf(annualCodesPassed);
        missingCourses = List.copyOf(missingCourses);
        overdueNotices = List.copyOf(overdueNotices);
        reasons = List.copyOf(reasons);
    }

    /** Pre-service (where required) and annual training complete. */
    public boolean trained() {
        return preServiceComplete && annualCurrent;
    }
}
