package org.livecomply.grading.domain.rules;

import java.util.Collection;
import java.time.Duration;
import java.time.Instant;
import org.livecomply.grading.domain.Severity;

/**
 * The published rule table's proposal (Art. 12 ¶1: proportionate to facts, nature, circumstances and harm):
 * the points of every violation of the room that happened in the window up to this one (this one included),
 * then the last — harshest — rule of the table that applies.
 */
public final class DisposalProposer {

    private DisposalProposer() {
    }

    public static Proposal propose(DisposalPolicy policy, int rulesetVersion, String violationName, Severity severity, boolean duringSession,
                                   Instant occurTime, Collection<GradeInputs.ViolationFact> roomViolations) {
        Instant windowStart = occurTime.minus(Duration.ofDays(policy.windowDays()));
        int points = roomViolations.stream()
                .filter(v -> v.occurTime().isAfter(windowStart) && !v.occurTime().isAfter(occurTime))
                .mapToInt(v -> policy.severityPoints().getOrDefault(v.severity(), 0))
                .sum();
        ProposalRule chosen = null;
        for (ProposalRule rule : policy.rules()) {
            if (rule.applies(points, severity, duringSession)) {
                chosen = rule;
            }
        }
        String basis = points + " point(s) from the room's violations in the " + policy.windowDays() + " days up to this " + severity
                + " violation" + (duringSession ? " (during a session)" : "");
        if (chosen == null) {
            return new Proposal(null, null, points, policy.windowDays(), null, basis + ": no rule of the table applies", rulesetVersion, violationName);
        }
        return new Proposal(chosen.measure(), chosen.duration(), points, policy.windowDays(), chosen.id(),
                basis + ": rule " + chosen.id() + " (" + chosen.description() + ") proposes " + chosen.measure()
                        + (chosen.duration() == null ? "" : " for " + describe(chosen.duration())),
                rulesetVersion, violationName);
    }

    private static String describe(Duration duration) {
        return duration.toHours() % 24 == 0 ? duration.toDays() + " day(s)" : duration.toHours() + " hour(s)";
    }
}
