package org.livecomply.grading.domain.rules;

import java.util.List;

/** When every condition holds, the room is at least {@code level}. */
public record GradeRule(String id, String description, GradeLevel level, List<Condition> allOf) {

    public GradeRule {
        allOf = List.copyOf(allOf);
    }

    public boolean fires(GradeInputs inputs) {
        return allOf.stream().allMatch(c -> c.holds(inputs));
    }
}
