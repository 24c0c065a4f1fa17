package org.livecomply.e2e;

import org.livecomply.api.grading.v1.Condition;
import org.livecomply.api.grading.v1.CreateGradingRulesetRequest;
import org.livecomply.api.grading.v1.DryRunGradingRulesetRequest;
import org.livecomply.api.grading.v1.DryRunGradingRulesetResponse;
import org.livecomply.api.grading.v1.DryRunResult;
import org.livecomply.api.grading.v1.GetGradingRulesetRequest;
import org.livecomply.api.grading.v1.GradeLevel;
import org.livecomply.api.grading.v1.GradeRule;
import org.livecomply.api.grading.v1.GradingRules;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.grading.v1.Metric;
import org.livecomply.sdk.LiveComplyClient;

/**
 * How many verified complaints room-grading holds for a room, read through its public API (Art. 20 ¶3): a draft
 * ruleset, never published, whose rule "complaints-k" fires when the room has at least k verified complaints in
 * 90 days; a dry run of it evaluates every room now, so the rules that fire for a room are its count.
 */
final class ComplaintTally {

    private static final int MOST = 60;

    private final LiveComplyClient grading;
    private final String ruleset;

    /** {@code grading} needs grading.read and grading.admin. */
    ComplaintTally(LiveComplyClient grading) {
        this.grading = grading;
        GradingRuleset inForce = grading.roomGrading().getGradingRuleset(GetGradingRulesetRequest.newBuilder()
                .setName("gradingRulesets/current").build());
        GradingRules.Builder counting = inForce.getRules().toBuilder().clearGradeRules();
        for (int k = 1; k <= MOST; k++) {
            counting.addGradeRules(GradeRule.newBuilder().setId("complaints-" + k).setLevel(GradeLevel.GRADE_LEVEL_LOW_RISK)
                    .setDescription("at least " + k + " verified complaints in 90 days")
                    .addAllOf(Condition.newBuilder().setMetric(Metric.METRIC_VERIFIED_COMPLAINTS_90D).setAtLeast(k)));
        }
        this.ruleset = grading.roomGrading().createGradingRuleset(CreateGradingRulesetRequest.newBuilder()
                .setGradingRuleset(GradingRuleset.newBuilder().setDescription("e2e: counts verified complaints (dry runs only)")
                        .setRules(counting)).build()).getName();
    }

    /** The verified complaints room-grading counts for {@code room} now. */
    int of(String room) {
        String token = "";
        do {
            DryRunGradingRulesetResponse page = grading.roomGrading().withWaitForReady().dryRunGradingRuleset(DryRunGradingRulesetRequest.newBuilder()
                    .setRuleset(ruleset).setPageSize(200).setPageToken(token).build());
            for (DryRunResult result : page.getResultsList()) {
                if (result.getRoom().equals(room)) {
                    if (result.getFiredRuleIdsCount() == MOST) {
                        throw new IllegalStateException(room + " has " + MOST + " or more verified complaints: beyond what this tally counts");
                    }
                    return result.getFiredRuleIdsCount();
                }
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        throw new IllegalStateException("room-grading has no " + room);
    }
}
