package org.livecomply.grading.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.Severity;
import org.livecomply.grading.domain.ShippedRules;

/** The shipped proposal table (Art. 12 ¶1): cumulative points over 365 days, each stage at its boundary. */
class DisposalProposerTest {

    private static final DisposalPolicy POLICY = ShippedRules.ruleset().disposalPolicy();
    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    /** {@code points} MINOR violations (1 point each) the days before, then this one. */
    private static Proposal propose(int earlierMinorPoints, Severity severity, boolean inSession) {
        List<GradeInputs.ViolationFact> facts = new ArrayList<>();
        for (int i = 0; i < earlierMinorPoints; i++) {
            facts.add(new GradeInputs.ViolationFact(NOW.minus(Duration.ofDays(i + 1)), Severity.MINOR));
        }
        facts.add(new GradeInputs.ViolationFact(NOW, severity));
        return DisposalProposer.propose(POLICY, 1, "rooms/r/violations/v", severity, inSession, NOW, facts);
    }

    @ParameterizedTest
    @CsvSource({
            "0, WARNING", "1, WARNING",
            "2, FUNCTION_RESTRICTION", "4, FUNCTION_RESTRICTION",
            "5, TRAFFIC_RESTRICTION", "6, TRAFFIC_RESTRICTION",
            "7, STREAMING_SUSPENSION", "10, STREAMING_SUSPENSION",
            "11, ACCOUNT_CLOSURE", "30, ACCOUNT_CLOSURE"})
    void eachStageStartsAtItsPoints(int earlierPoints, Measure expected) {
        Proposal proposal = propose(earlierPoints, Severity.MINOR, false);
        assertEquals(earlierPoints + 1, proposal.points());
        assertEquals(expected, proposal.measure(), proposal.explanation());
        assertTrue(proposal.explanation().contains(proposal.ruleId()), proposal.explanation());
    }

    @Test
    void stagedMeasuresCarryTheirPeriods() {
        assertEquals(Duration.ofDays(7), propose(2, Severity.MINOR, false).duration());
        assertEquals(Duration.ofDays(14), propose(5, Severity.MINOR, false).duration());
        assertEquals(Duration.ofDays(30), propose(7, Severity.MINOR, false).duration());
        assertNull(propose(11, Severity.MINOR, false).duration(), "closure has no period");
    }

    @Test
    void aGraveViolationAloneReachesClosureByItsTwelvePoints() {
        Proposal proposal = propose(0, Severity.GRAVE, false);
        assertEquals(12, proposal.points());
        assertEquals(Measure.ACCOUNT_CLOSURE, proposal.measure());
    }

    @Test
    void aSeriousViolationDuringASessionSuspendsTheSessionUntilHarsherStagesApply() {
        assertEquals(Measure.SESSION_SUSPENSION, propose(0, Severity.SERIOUS, true).measure(), "4 points, in session (Art. 13)");
        assertEquals(Measure.FUNCTION_RESTRICTION, propose(0, Severity.SERIOUS, false).measure(), "4 points, not in session");
        assertEquals(Measure.FUNCTION_RESTRICTION, propose(2, Severity.GENERAL, true).measure(), "GENERAL is below SERIOUS");
        assertEquals(Measure.TRAFFIC_RESTRICTION, propose(2, Severity.SERIOUS, true).measure(), "6 points: the later, harsher rule");
    }

    @Test
    void violationsOutsideTheWindowDoNotCount() {
        List<GradeInputs.ViolationFact> facts = List.of(
                new GradeInputs.ViolationFact(NOW.minus(Duration.ofDays(365)), Severity.GRAVE),
                new GradeInputs.ViolationFact(NOW.minus(Duration.ofDays(364)), Severity.GENERAL),
                new GradeInputs.ViolationFact(NOW.plusSeconds(60), Severity.GRAVE),
                new GradeInputs.ViolationFact(NOW, Severity.MINOR));
        Proposal proposal = DisposalProposer.propose(POLICY, 1, "v", Severity.MINOR, false, NOW, facts);
        assertEquals(3, proposal.points(), "exactly 365 days before and anything after this violation are out");
        assertEquals(Measure.FUNCTION_RESTRICTION, proposal.measure());
    }

    @Test
    void whenNoRuleAppliesThereIsNoProposal() {
        DisposalPolicy zero = new DisposalPolicy(Map.of(Severity.MINOR, 0, Severity.GENERAL, 0, Severity.SERIOUS, 0, Severity.GRAVE, 0), 365,
                POLICY.rules(), 15);
        Proposal proposal = DisposalProposer.propose(zero, 1, "v", Severity.MINOR, false, NOW, List.of(new GradeInputs.ViolationFact(NOW, Severity.MINOR)));
        assertNull(proposal.measure());
        assertTrue(proposal.explanation().contains("no rule"), proposal.explanation());
    }
}
