package org.livecomply.grading.domain.rules;

/** Risk grades, lowest first (Art. 11 ¶1: graded and classified management). */
public enum GradeLevel {
    LOW_RISK,
    MEDIUM_RISK,
    HIGH_RISK,
    CRITICAL_RISK;

    public GradeLevel atLeast(GradeLevel other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
