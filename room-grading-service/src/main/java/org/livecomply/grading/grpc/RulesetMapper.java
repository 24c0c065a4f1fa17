package org.livecomply.grading.grpc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.livecomply.api.grading.v1.GradingRules;
import org.livecomply.api.grading.v1.GradingRuleset;
import org.livecomply.api.grading.v1.LevelMeasures;
import org.livecomply.api.grading.v1.SeverityValue;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.domain.Severity;
import org.livecomply.grading.domain.rules.Condition;
import org.livecomply.grading.domain.rules.GradeLevel;
import org.livecomply.grading.domain.rules.GradeRule;
import org.livecomply.grading.domain.rules.Metric;
import org.livecomply.grading.domain.rules.MonitoringThresholds;
import org.livecomply.grading.domain.rules.ProposalRule;

/** Rulesets between the contract and the domain; also the stored form (proto3 JSON of GradingRules). */
public final class RulesetMapper {

    private RulesetMapper() {
    }

    /** The rules of a request, checked; null with violations under {@code path} when anything is wrong. */
    public static org.livecomply.grading.domain.rules.GradingRules fromProto(GradingRules proto, String path, Violations violations) {
        List<GradeRule> gradeRules = new ArrayList<>();
        for (org.livecomply.api.grading.v1.GradeRule rule : proto.getGradeRulesList()) {
            List<Condition> conditions = rule.getAllOfList().stream()
                    .map(c -> new Condition(ProtoValues.domain(c.getMetric(), "METRIC_", Metric.class), c.getAtLeast())).toList();
            gradeRules.add(new GradeRule(rule.getId(), rule.getDescription(), level(rule.getLevel()), conditions));
        }
        MonitoringThresholds monitoring = proto.hasMonitoring() ? new MonitoringThresholds(proto.getMonitoring().getFollowers(),
                proto.getMonitoring().getGmv30DFen(), proto.getMonitoring().getOrders30D(), proto.getMonitoring().getMarketerInfluence(),
                proto.getMonitoring().getViolations90D(), proto.getMonitoring().getVerifiedComplaints30D()) : null;
        List<org.livecomply.grading.domain.rules.GradingRules.Raw.LevelMeasures> measures = proto.getLevelMeasuresList().stream()
                .map(m -> new org.livecomply.grading.domain.rules.GradingRules.Raw.LevelMeasures(level(m.getLevel()), m.getMeasuresList()))
                .toList();
        org.livecomply.grading.domain.rules.GradingRules.Raw.Policy policy = null;
        if (proto.hasDisposalPolicy()) {
            var p = proto.getDisposalPolicy();
            List<ProposalRule> rules = new ArrayList<>();
            for (int i = 0; i < p.getRulesCount(); i++) {
                var r = p.getRules(i);
                rules.add(new ProposalRule(r.getId(), r.getDescription(), r.getMinPoints(),
                        ProtoValues.domain(r.getMinSeverity(), "SEVERITY_", Severity.class), r.getInSession(),
                        ProtoValues.domain(r.getMeasure(), "MEASURE_", Measure.class),
                        ProtoValues.duration(r.hasDuration(), r.getDuration(), path + "disposal_policy.rules[" + i + "].duration", violations)));
            }
            policy = new org.livecomply.grading.domain.rules.GradingRules.Raw.Policy(severities(p.getSeverityPointsList()),
                    p.getSeverityPointsCount(), p.getWindowDays(), rules, p.getAppealDays());
        }
        var raw = new org.livecomply.grading.domain.rules.GradingRules.Raw(severities(proto.getSeverityWeightsList()),
                proto.getSeverityWeightsCount(), gradeRules, level(proto.getDefaultLevel()), monitoring, measures, policy);
        org.livecomply.grading.domain.rules.GradingRules.check(raw, path, violations);
        return violations.isEmpty() ? raw.toRules() : null;
    }

    public static GradingRules toProto(org.livecomply.grading.domain.rules.GradingRules rules) {
        GradingRules.Builder proto = GradingRules.newBuilder()
                .setDefaultLevel(level(rules.defaultLevel()))
                .setMonitoring(org.livecomply.api.grading.v1.MonitoringThresholds.newBuilder()
                        .setFollowers(rules.monitoring().followers()).setGmv30DFen(rules.monitoring().gmv30dFen())
                        .setOrders30D(rules.monitoring().orders30d()).setMarketerInfluence(rules.monitoring().marketerInfluence())
                        .setViolations90D(rules.monitoring().violations90d())
                        .setVerifiedComplaints30D(rules.monitoring().verifiedComplaints30d()));
        severityValues(rules.severityWeights()).forEach(proto::addSeverityWeights);
        for (GradeRule rule : rules.gradeRules()) {
            var r = proto.addGradeRulesBuilder().setId(rule.id()).setDescription(rule.description()).setLevel(level(rule.level()));
            rule.allOf().forEach(c -> r.addAllOfBuilder()
                    .setMetric(ProtoValues.proto(c.metric(), "METRIC_", org.livecomply.api.grading.v1.Metric.class)).setAtLeast(c.atLeast()));
        }
        for (GradeLevel level : GradeLevel.values()) {
            List<String> measures = rules.measuresFor(level);
            if (!measures.isEmpty()) {
                proto.addLevelMeasures(LevelMeasures.newBuilder().setLevel(level(level)).addAllMeasures(measures));
            }
        }
        var policy = proto.getDisposalPolicyBuilder().setWindowDays(rules.disposalPolicy().windowDays())
                .setAppealDays(rules.disposalPolicy().appealDays());
        severityValues(rules.disposalPolicy().severityPoints()).forEach(policy::addSeverityPoints);
        for (ProposalRule rule : rules.disposalPolicy().rules()) {
            var r = policy.addRulesBuilder().setId(rule.id()).setDescription(rule.description()).setMinPoints(rule.minPoints())
                    .setInSession(rule.inSession())
                    .setMeasure(ProtoValues.proto(rule.measure(), "MEASURE_", org.livecomply.api.grading.v1.Measure.class));
            if (rule.minSeverity() != null) {
                r.setMinSeverity(ProtoValues.proto(rule.minSeverity(), "SEVERITY_", org.livecomply.api.grading.v1.Severity.class));
            }
            if (rule.duration() != null) {
                r.setDuration(ProtoValues.duration(rule.duration()));
            }
        }
        return proto.build();
    }

    public static GradingRuleset toProto(org.livecomply.grading.domain.GradingRuleset ruleset, int versionInForce) {
        GradingRuleset.Builder proto = GradingRuleset.newBuilder()
                .setName(ruleset.name())
                .setDescription(ruleset.description())
                .setRules(toProto(ruleset.rules()))
                .setState(GradingRuleset.State.valueOf("STATE_" + ruleset.stateGiven(versionInForce).name()))
                .setCreatedBy(ruleset.createdBy())
                .setCreateTime(ProtoValues.timestamp(ruleset.createTime()));
        ProtoValues.setIfPresent(ruleset.publishTime(), proto::setPublishTime);
        return proto.build();
    }

    static GradeLevel level(org.livecomply.api.grading.v1.GradeLevel level) {
        return ProtoValues.domain(level, "GRADE_LEVEL_", GradeLevel.class);
    }

    static org.livecomply.api.grading.v1.GradeLevel level(GradeLevel level) {
        return ProtoValues.proto(level, "GRADE_LEVEL_", org.livecomply.api.grading.v1.GradeLevel.class);
    }

    private static Map<Severity, Integer> severities(List<SeverityValue> values) {
        Map<Severity, Integer> map = new EnumMap<>(Severity.class);
        for (SeverityValue value : values) {
            Severity severity = ProtoValues.domain(value.getSeverity(), "SEVERITY_", Severity.class);
            if (severity != null) {
                map.put(severity, value.getValue());
            }
        }
        return map;
    }

    private static List<SeverityValue> severityValues(Map<Severity, Integer> values) {
        List<SeverityValue> list = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            list.add(SeverityValue.newBuilder()
                    .setSeverity(ProtoValues.proto(severity, "SEVERITY_", org.livecomply.api.grading.v1.Severity.class))
                    .setValue(values.getOrDefault(severity, 0)).build());
        }
        return list;
    }
}
