package org.livecomply.grading.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.livecomply.grading.domain.CreditRecord;
import org.livecomply.grading.domain.GoodsCategory;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.domain.RoomMetrics;
import org.livecomply.grading.domain.Severity;
import org.livecomply.grading.domain.ShippedRules;

/** Every grade rule and monitoring trigger of the shipped ruleset at its boundary (Arts. 11 ¶1, 20). */
class GradingEvaluatorTest {

    private static final GradingRules RULES = ShippedRules.ruleset();
    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    static GradeInputs inputs(Map<Metric, Long> values) {
        return new GradeInputs(v(values, Metric.WEIGHTED_VIOLATIONS_30D), v(values, Metric.WEIGHTED_VIOLATIONS_90D),
                v(values, Metric.WEIGHTED_VIOLATIONS_365D), v(values, Metric.VIOLATIONS_90D), v(values, Metric.VERIFIED_COMPLAINTS_30D),
                v(values, Metric.VERIFIED_COMPLAINTS_90D), v(values, Metric.FOLLOWERS), v(values, Metric.VISITS_30D),
                v(values, Metric.GMV_30D_FEN), v(values, Metric.ORDERS_30D), v(values, Metric.MARKETER_INFLUENCE),
                v(values, Metric.LIFE_AND_HEALTH) > 0, v(values, Metric.ABNORMAL_OPERATION_LISTED) > 0,
                v(values, Metric.SERIOUS_DISHONESTY_LISTED) > 0, v(values, Metric.PENALTIES_365D));
    }

    private static long v(Map<Metric, Long> values, Metric metric) {
        return values.getOrDefault(metric, 0L);
    }

    static Stream<GradeRule> shippedRules() {
        return RULES.gradeRules().stream();
    }

    @ParameterizedTest
    @MethodSource("shippedRules")
    void eachGradeRuleFiresAtItsThresholdAndNotOneBelow(GradeRule rule) {
        Map<Metric, Long> atThreshold = new EnumMap<>(Metric.class);
        rule.allOf().forEach(c -> atThreshold.put(c.metric(), c.atLeast()));
        GradeResult at = GradingEvaluator.evaluate(RULES, inputs(atThreshold));
        assertTrue(at.firedRules().stream().anyMatch(f -> f.ruleId().equals(rule.id())), rule.id() + " at its threshold");
        assertTrue(at.level().compareTo(rule.level()) >= 0, rule.id() + " gives at least " + rule.level());
        assertTrue(at.explanation().contains(rule.id()), at.explanation());

        for (Condition condition : rule.allOf()) {
            Map<Metric, Long> below = new EnumMap<>(atThreshold);
            below.put(condition.metric(), condition.atLeast() - 1);
            GradeResult result = GradingEvaluator.evaluate(RULES, inputs(below));
            assertFalse(result.firedRules().stream().anyMatch(f -> f.ruleId().equals(rule.id())),
                    rule.id() + " must not fire with " + condition.metric() + " one below its threshold");
        }
    }

    @Test
    void theHighestFiredLevelWinsAndNothingFiredMeansTheDefault() {
        GradeResult clean = GradingEvaluator.evaluate(RULES, inputs(Map.of()));
        assertEquals(GradeLevel.LOW_RISK, clean.level());
        assertTrue(clean.firedRules().isEmpty());
        assertFalse(clean.monitoringRequired());
        assertTrue(clean.explanation().contains("default grade LOW_RISK"), clean.explanation());

        GradeResult mixed = GradingEvaluator.evaluate(RULES, inputs(Map.of(Metric.WEIGHTED_VIOLATIONS_365D, 4L,
                Metric.SERIOUS_DISHONESTY_LISTED, 1L)));
        assertEquals(GradeLevel.CRITICAL_RISK, mixed.level());
        assertEquals(List.of("critical-serious-dishonesty", "medium-violations-365d"),
                mixed.firedRules().stream().map(GradeResult.FiredRule::ruleId).toList());
        assertEquals(RULES.measuresFor(GradeLevel.CRITICAL_RISK), mixed.matchedMeasures());
    }

    static Stream<Object[]> triggers() {
        MonitoringThresholds t = RULES.monitoring();
        return Stream.of(
                new Object[] {MonitoringTrigger.MANY_FOLLOWERS, Metric.FOLLOWERS, t.followers()},
                new Object[] {MonitoringTrigger.LARGE_TRANSACTION_SCALE, Metric.GMV_30D_FEN, t.gmv30dFen()},
                new Object[] {MonitoringTrigger.LARGE_TRANSACTION_SCALE, Metric.ORDERS_30D, t.orders30d()},
                new Object[] {MonitoringTrigger.INFLUENTIAL_MARKETER, Metric.MARKETER_INFLUENCE, t.marketerInfluence()},
                new Object[] {MonitoringTrigger.REPEATED_VIOLATIONS, Metric.VIOLATIONS_90D, t.violations90d()},
                new Object[] {MonitoringTrigger.CONCENTRATED_COMPLAINTS, Metric.VERIFIED_COMPLAINTS_30D, t.verifiedComplaints30d()});
    }

    @ParameterizedTest
    @MethodSource("triggers")
    void eachMonitoringTriggerSetsTheFlagAtItsThresholdAndNotOneBelow(MonitoringTrigger trigger, Metric metric, long threshold) {
        GradeResult at = GradingEvaluator.evaluate(RULES, inputs(Map.of(metric, threshold)));
        assertTrue(at.monitoringRequired(), trigger + " at " + threshold);
        assertEquals(trigger, at.monitoringReasons().get(0).trigger());
        assertTrue(at.explanation().contains(trigger.article()), at.explanation());
        assertFalse(GradingEvaluator.evaluate(RULES, inputs(Map.of(metric, threshold - 1))).monitoringRequired(), trigger + " one below");
    }

    @ParameterizedTest
    @EnumSource(value = GoodsCategory.class, names = {"FOOD", "HEALTH_FOOD", "COSMETICS", "MEDICAL_DEVICES", "INFANT_GOODS", "DRUGS"})
    void lifeAndHealthGoodsAlwaysRequireMonitoringWhateverTheGradeRulesSay(GoodsCategory category) {
        GradingRules noGradeRules = new GradingRules(RULES.severityWeights(), List.of(), GradeLevel.LOW_RISK, RULES.monitoring(), Map.of(),
                RULES.disposalPolicy());
        Room room = new Room("r", "roomOperators/x", "a", "", List.of(GoodsCategory.APPAREL, category), null, null, 0, NOW);
        GradeResult result = GradingEvaluator.evaluate(noGradeRules, GradeInputs.of(room, List.of(), List.of(), RULES.severityWeights(), NOW));
        assertTrue(result.monitoringRequired());
        assertEquals(MonitoringTrigger.LIFE_AND_HEALTH_GOODS, result.monitoringReasons().get(0).trigger());
        assertEquals(GradeLevel.LOW_RISK, result.level(), "monitoring does not depend on the grade");
    }

    @Test
    void windowsHoldWhatHappenedAfterNowMinusTheirLengthWithSeverityWeights() {
        Room room = new Room("r", "roomOperators/x", "a", "", List.of(GoodsCategory.APPAREL), RoomMetrics.NONE, null, 0, NOW);
        List<GradeInputs.ViolationFact> facts = List.of(
                new GradeInputs.ViolationFact(NOW.minus(Duration.ofDays(30)), Severity.GRAVE),
                new GradeInputs.ViolationFact(NOW.minus(Duration.ofDays(30)).plusNanos(1000), Severity.MINOR),
                new GradeInputs.ViolationFact(NOW.minus(Duration.ofDays(90)), Severity.SERIOUS),
                new GradeInputs.ViolationFact(NOW.minus(Duration.ofDays(364)), Severity.GENERAL));
        GradeInputs in = GradeInputs.of(room, facts, List.of(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(29))),
                RULES.severityWeights(), NOW);
        assertEquals(1, in.weightedViolations30d(), "exactly 30 days old is out of the 30-day window; MINOR weighs 1");
        assertEquals(8 + 1, in.weightedViolations90d(), "GRAVE 8 + MINOR 1; exactly 90 days old is out");
        assertEquals(8 + 1 + 4 + 2, in.weightedViolations365d());
        assertEquals(2, in.violations90d());
        assertEquals(1, in.verifiedComplaints30d());
        assertEquals(2, in.verifiedComplaints90d());
    }

    @Test
    void creditRepairCancelsTheListingsButNotThePenalties() {
        CreditRecord listed = new CreditRecord(true, true, 3, false, "credit publicity system", NOW);
        CreditRecord repaired = new CreditRecord(true, true, 3, true, "credit publicity system", NOW);
        Room before = new Room("r", "o", "a", "", List.of(GoodsCategory.APPAREL), null, listed, 0, NOW);
        Room after = new Room("r", "o", "a", "", List.of(GoodsCategory.APPAREL), null, repaired, 0, NOW);
        GradeResult listedResult = GradingEvaluator.evaluate(RULES, GradeInputs.of(before, List.of(), List.of(), RULES.severityWeights(), NOW));
        GradeResult repairedResult = GradingEvaluator.evaluate(RULES, GradeInputs.of(after, List.of(), List.of(), RULES.severityWeights(), NOW));
        assertEquals(GradeLevel.CRITICAL_RISK, listedResult.level());
        assertEquals(GradeLevel.HIGH_RISK, repairedResult.level(), "3 penalties still count (high-penalties-365d)");
        assertFalse(repairedResult.inputs().seriousDishonestyListed());
    }
}
