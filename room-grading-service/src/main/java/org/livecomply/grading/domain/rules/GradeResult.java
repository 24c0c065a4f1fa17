package org.livecomply.grading.domain.rules;

import java.util.List;

/** The outcome of one evaluation, with everything needed to explain it (PIPL Art. 24). */
public record GradeResult(GradeLevel level, boolean monitoringRequired, List<MonitoringReason> monitoringReasons, List<FiredRule> firedRules,
                          GradeInputs inputs, List<String> matchedMeasures, String explanation) {

    /** A trigger that held. */
    public record MonitoringReason(MonitoringTrigger trigger, String description) {
    }

    /** A grade rule that fired, with the values that met its conditions. */
    public record FiredRule(String ruleId, GradeLevel level, String description) {
    }

    public GradeResult {
        monitoringReasons = List.copyOf(monitoringReasons);
        firedRules = List.copyOf(firedRules);
        matchedMeasures = List.copyOf(matchedMeasures);
    }

    /** Same grade and monitoring (what a dry run compares). */
    public boolean sameOutcome(GradeLevel otherLevel, boolean otherMonitoring) {
        return level == otherLevel && monitoringRequired == otherMonitoring;
    }
}
