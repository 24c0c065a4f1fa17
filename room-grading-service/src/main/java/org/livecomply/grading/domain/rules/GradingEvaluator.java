package org.livecomply.grading.domain.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a room's inputs into a grade under a ruleset: the highest level among the grade rules that fire
 * (the default level when none does), and the monitoring flag, which any Art. 11 ¶1 or Art. 20 trigger
 * sets whatever the grade rules say.
 */
public final class GradingEvaluator {

    private GradingEvaluator() {
    }

    public static GradeResult evaluate(GradingRules rules, GradeInputs inputs) {
        GradeLevel level = rules.defaultLevel();
        List<GradeResult.FiredRule> fired = new ArrayList<>();
        for (GradeRule rule : rules.gradeRules()) {
            if (rule.fires(inputs)) {
                level = level.atLeast(rule.level());
                fired.add(new GradeResult.FiredRule(rule.id(), rule.level(), rule.description() + " ("
                        + String.join(", ", rule.allOf().stream().map(c -> c.describe(inputs)).toList()) + ")"));
            }
        }
        List<GradeResult.MonitoringReason> monitoring = monitoringReasons(rules.monitoring(), inputs);
        List<String> measures = rules.measuresFor(level);
        return new GradeResult(level, !monitoring.isEmpty(), monitoring, fired, inputs, measures,
                explain(level, fired, monitoring, inputs, rules.defaultLevel(), measures));
    }

    static List<GradeResult.MonitoringReason> monitoringReasons(MonitoringThresholds t, GradeInputs in) {
        List<GradeResult.MonitoringReason> reasons = new ArrayList<>();
        // Art. 11 ¶1: many followers, large transaction scale, influential marketers, repeated violations, life and health.
        atLeast(reasons, MonitoringTrigger.MANY_FOLLOWERS, "followers", in.followers(), t.followers());
        if (!atLeast(reasons, MonitoringTrigger.LARGE_TRANSACTION_SCALE, "gmv_30d_fen", in.gmv30dFen(), t.gmv30dFen())) {
            atLeast(reasons, MonitoringTrigger.LARGE_TRANSACTION_SCALE, "orders_30d", in.orders30d(), t.orders30d());
        }
        atLeast(reasons, MonitoringTrigger.INFLUENTIAL_MARKETER, "marketer_influence", in.marketerInfluence(), t.marketerInfluence());
        atLeast(reasons, MonitoringTrigger.REPEATED_VIOLATIONS, "violations_90d", in.violations90d(), t.violations90d());
        if (in.lifeAndHealth()) {
            reasons.add(new GradeResult.MonitoringReason(MonitoringTrigger.LIFE_AND_HEALTH_GOODS,
                    "the room sells goods concerning life and health"));
        }
        // Art. 20: concentrated complaints.
        atLeast(reasons, MonitoringTrigger.CONCENTRATED_COMPLAINTS, "verified_complaints_30d", in.verifiedComplaints30d(), t.verifiedComplaints30d());
        return reasons;
    }

    private static boolean atLeast(List<GradeResult.MonitoringReason> reasons, MonitoringTrigger trigger, String label, long value, long threshold) {
        if (value >= threshold) {
            reasons.add(new GradeResult.MonitoringReason(trigger, label + " " + value + " ≥ threshold " + threshold));
            return true;
        }
        return false;
    }

    private static String explain(GradeLevel level, List<GradeResult.FiredRule> fired, List<GradeResult.MonitoringReason> monitoring,
                                  GradeInputs in, GradeLevel defaultLevel, List<String> measures) {
        StringBuilder text = new StringBuilder("Grade ").append(level).append(". ");
        if (fired.isEmpty()) {
            text.append("No grade rule applied, so the default grade ").append(defaultLevel).append(" holds. ");
        } else {
            text.append("Rules applied: ");
            for (int i = 0; i < fired.size(); i++) {
                GradeResult.FiredRule rule = fired.get(i);
                text.append(i == 0 ? "" : "; ").append(rule.ruleId()).append(" → ").append(rule.level()).append(": ").append(rule.description());
            }
            text.append(". The grade is the highest of them. ");
        }
        if (monitoring.isEmpty()) {
            text.append("No monitoring trigger of Art. 11 ¶1 or Art. 20 holds. ");
        } else {
            text.append("Monitoring and real-time patrol required: ");
            for (int i = 0; i < monitoring.size(); i++) {
                GradeResult.MonitoringReason reason = monitoring.get(i);
                text.append(i == 0 ? "" : "; ").append(reason.trigger()).append(" (").append(reason.trigger().article()).append(", ")
                        .append(reason.description()).append(")");
            }
            text.append(". ");
        }
        text.append("Inputs: weighted violations 30/90/365 days ").append(in.weightedViolations30d()).append('/')
                .append(in.weightedViolations90d()).append('/').append(in.weightedViolations365d())
                .append(", violations in 90 days ").append(in.violations90d())
                .append(", verified complaints 30/90 days ").append(in.verifiedComplaints30d()).append('/').append(in.verifiedComplaints90d())
                .append(", followers ").append(in.followers()).append(", visits 30 days ").append(in.visits30d())
                .append(", GMV 30 days ").append(in.gmv30dFen()).append(" fen, orders 30 days ").append(in.orders30d())
                .append(", marketer influence ").append(in.marketerInfluence())
                .append(", life-and-health goods ").append(in.lifeAndHealth() ? "yes" : "no")
                .append(", abnormal-operation list ").append(in.abnormalOperationListed() ? "yes" : "no")
                .append(", serious-dishonesty list ").append(in.seriousDishonestyListed() ? "yes" : "no")
                .append(", penalties in 365 days ").append(in.penalties365d()).append('.');
        if (!measures.isEmpty()) {
            text.append(" Measures for this grade: ").append(String.join("; ", measures)).append('.');
        }
        text.append(" A person may ask for this grade to be reviewed by staff (PIPL Art. 24).");
        return text.toString();
    }
}
