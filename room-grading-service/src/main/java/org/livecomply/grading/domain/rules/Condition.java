package org.livecomply.grading.domain.rules;

/** {@code metric ≥ atLeast}. */
public record Condition(Metric metric, long atLeast) {

    public static final long MAX_THRESHOLD = 1_000_000_000_000_000L;

    public boolean holds(GradeInputs inputs) {
        return metric.of(inputs) >= atLeast;
    }

    public String describe(GradeInputs inputs) {
        return metric.label() + " " + metric.of(inputs) + " ≥ " + atLeast;
    }
}
