package org.livecomply.grading.domain.rules;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.Severity;

/**
 * A ruleset's rules: grading weights, grade rules, monitoring thresholds, measures matched to grades and the
 * disposal proposal policy. Plain data; {@link #check} names every bad field with the contract's path.
 * Null values stand for unset or unknown input.
 */
public record GradingRules(Map<Severity, Integer> severityWeights, List<GradeRule> gradeRules, GradeLevel defaultLevel,
                           MonitoringThresholds monitoring, Map<GradeLevel, List<String>> levelMeasures, DisposalPolicy disposalPolicy) {

    public static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final int MAX_GRADE_RULES = 100;
    static final int MAX_CONDITIONS = 10;
    static final int MAX_PROPOSAL_RULES = 50;

    public GradingRules {
        severityWeights = Map.copyOf(severityWeights);
        gradeRules = List.copyOf(gradeRules);
        levelMeasures = Map.copyOf(levelMeasures);
    }

    public List<String> measuresFor(GradeLevel level) {
        return levelMeasures.getOrDefault(level, List.of());
    }

    /** Every bad field, named under {@code path} (e.g. {@code grading_ruleset.rules.}). */
    public static void check(Raw raw, String path, Violations violations) {
        severities(raw.severityWeights(), raw.severityWeightsCount(), path + "severity_weights", violations);
        violations.when(raw.gradeRules().size() > MAX_GRADE_RULES, path + "grade_rules", path + "grade_rules has at most " + MAX_GRADE_RULES + " rules");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < Math.min(raw.gradeRules().size(), MAX_GRADE_RULES); i++) {
            GradeRule rule = raw.gradeRules().get(i);
            String at = path + "grade_rules[" + i + "]";
            ruleId(rule.id(), at + ".id", ids, violations);
            violations.text(at + ".description", rule.description(), 1, 300)
                    .when(rule.level() == null, at + ".level", at + ".level is required")
                    .when(rule.allOf().isEmpty() || rule.allOf().size() > MAX_CONDITIONS, at + ".all_of",
                            at + ".all_of needs 1.." + MAX_CONDITIONS + " conditions");
            for (int c = 0; c < Math.min(rule.allOf().size(), MAX_CONDITIONS); c++) {
                Condition condition = rule.allOf().get(c);
                String cat = at + ".all_of[" + c + "]";
                violations.when(condition.metric() == null, cat + ".metric", cat + ".metric is required")
                        .when(condition.atLeast() < 0 || condition.atLeast() > Condition.MAX_THRESHOLD, cat + ".at_least",
                                cat + ".at_least must be 0.." + Condition.MAX_THRESHOLD);
            }
        }
        violations.when(raw.defaultLevel() == null, path + "default_level", path + "default_level is required");
        monitoring(raw.monitoring(), path + "monitoring", violations);
        Set<GradeLevel> levels = new HashSet<>();
        for (int i = 0; i < raw.levelMeasures().size(); i++) {
            Raw.LevelMeasures entry = raw.levelMeasures().get(i);
            String at = path + "level_measures[" + i + "]";
            violations.when(entry.level() == null, at + ".level", at + ".level is required")
                    .when(entry.level() != null && !levels.add(entry.level()), at + ".level", at + ".level is listed twice")
                    .when(entry.measures().size() > 10, at + ".measures", at + ".measures has at most 10 entries");
            for (int m = 0; m < Math.min(entry.measures().size(), 10); m++) {
                violations.text(at + ".measures[" + m + "]", entry.measures().get(m), 1, 200);
            }
        }
        violations.when(raw.levelMeasures().size() > GradeLevel.values().length, path + "level_measures",
                path + "level_measures has at most one entry per level");
        disposalPolicy(raw.disposalPolicy(), path + "disposal_policy", violations);
    }

    private static void severities(Map<Severity, Integer> values, int count, String field, Violations violations) {
        if (count != Severity.values().length || values.size() != Severity.values().length) {
            violations.add(field, field + " must list each of the " + Severity.values().length + " severities exactly once");
            return;
        }
        values.forEach((severity, value) -> violations.when(value < 0 || value > 100, field, field + " values must be 0..100"));
    }

    private static void ruleId(String id, String field, Set<String> ids, Violations violations) {
        violations.text(field, id, 1, 64).matches(field, id, RULE_ID, "1..64 of [A-Za-z0-9_.-]")
                .when(id != null && !id.isEmpty() && !ids.add(id), field, field + " '" + id + "' is used twice");
    }

    private static void monitoring(MonitoringThresholds thresholds, String path, Violations violations) {
        if (thresholds == null) {
            violations.add(path, path + " is required");
            return;
        }
        // Art. 11 ¶1, Art. 20: every trigger stays in force; a threshold of 0 or less would be meaningless.
        positive(thresholds.followers(), path + ".followers", violations);
        positive(thresholds.gmv30dFen(), path + ".gmv_30d_fen", violations);
        positive(thresholds.orders30d(), path + ".orders_30d", violations);
        positive(thresholds.marketerInfluence(), path + ".marketer_influence", violations);
        positive(thresholds.violations90d(), path + ".violations_90d", violations);
        positive(thresholds.verifiedComplaints30d(), path + ".verified_complaints_30d", violations);
    }

    private static void positive(long value, String field, Violations violations) {
        violations.when(value < 1 || value > Condition.MAX_THRESHOLD, field, field + " must be 1.." + Condition.MAX_THRESHOLD
                + " (Arts. 11 ¶1, 20: a trigger cannot be switched off)");
    }

    private static void disposalPolicy(Raw.Policy policy, String path, Violations violations) {
        if (policy == null) {
            violations.add(path, path + " is required");
            return;
        }
        severities(policy.severityPoints(), policy.severityPointsCount(), path + ".severity_points", violations);
        violations.when(policy.windowDays() < 1 || policy.windowDays() > 3650, path + ".window_days", path + ".window_days must be 1..3650")
                .when(policy.appealDays() < 1 || policy.appealDays() > 365, path + ".appeal_days", path + ".appeal_days must be 1..365")
                .when(policy.rules().isEmpty() || policy.rules().size() > MAX_PROPOSAL_RULES, path + ".rules",
                        path + ".rules needs 1.." + MAX_PROPOSAL_RULES + " rules");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < Math.min(policy.rules().size(), MAX_PROPOSAL_RULES); i++) {
            ProposalRule rule = policy.rules().get(i);
            String at = path + ".rules[" + i + "]";
            ruleId(rule.id(), at + ".id", ids, violations);
            violations.text(at + ".description", rule.description(), 1, 300)
                    .when(rule.minPoints() < 0 || rule.minPoints() > 10_000, at + ".min_points", at + ".min_points must be 0..10000")
                    .when(rule.measure() == null, at + ".measure", at + ".measure is required");
            if (rule.measure() != null) {
                Duration duration = rule.duration();
                rule.measure().periodProblem(duration).ifPresent(p -> violations.add(at + ".duration", at + ".duration " + p));
            }
        }
    }

    /**
     * Rules as read from a request, before checking: counts of repeated fields kept separately, so that a
     * severity listed twice is reported and not silently merged.
     */
    public record Raw(Map<Severity, Integer> severityWeights, int severityWeightsCount, List<GradeRule> gradeRules, GradeLevel defaultLevel,
                      MonitoringThresholds monitoring, List<LevelMeasures> levelMeasures, Policy disposalPolicy) {

        /** Measures matched to one level. */
        public record LevelMeasures(GradeLevel level, List<String> measures) {
        }

        /** The disposal policy as read. */
        public record Policy(Map<Severity, Integer> severityPoints, int severityPointsCount, int windowDays, List<ProposalRule> rules,
                             int appealDays) {
        }

        /** The checked rules; only after {@link GradingRules#check} found nothing. */
        public GradingRules toRules() {
            Map<GradeLevel, List<String>> measures = new java.util.EnumMap<>(GradeLevel.class);
            levelMeasures.forEach(entry -> measures.put(entry.level(), List.copyOf(entry.measures())));
            return new GradingRules(severityWeights, gradeRules, defaultLevel, monitoring, measures,
                    new DisposalPolicy(disposalPolicy.severityPoints(), disposalPolicy.windowDays(), disposalPolicy.rules(), disposalPolicy.appealDays()));
        }
    }
}
