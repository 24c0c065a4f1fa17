package org.livecomply.grading.domain;

import java.time.Instant;
import org.livecomply.grading.domain.rules.GradingRules;

/** A versioned ruleset; {@code publishTime} null while a draft. */
public record GradingRuleset(int version, String description, GradingRules rules, String createdBy, Instant createTime, Instant publishTime) {

    public static final String COLLECTION = "gradingRulesets/";
    public static final String CURRENT = "current";

    /** Derived: a draft, the one in force, or an earlier publication. */
    public enum State { DRAFT, IN_FORCE, SUPERSEDED }

    public String name() {
        return COLLECTION + version;
    }

    public State stateGiven(int versionInForce) {
        if (publishTime == null) {
            return State.DRAFT;
        }
        return version == versionInForce ? State.IN_FORCE : State.SUPERSEDED;
    }
}
