package org.livecomply.grading.grpc;

import java.util.List;
import org.livecomply.api.grading.v1.DryRunResult;
import org.livecomply.api.grading.v1.FiredRule;
import org.livecomply.api.grading.v1.MonitoringReason;
import org.livecomply.api.grading.v1.MonitoringTrigger;
import org.livecomply.grading.domain.Grade;
import org.livecomply.grading.domain.GradingRuleset;
import org.livecomply.grading.domain.rules.GradeInputs;
import org.livecomply.grading.domain.rules.GradeLevel;
import org.livecomply.grading.domain.rules.GradeResult;

/** Grades between the domain and the contract; also their stored detail (proto3 JSON of Grade). */
public final class GradeMapper {

    private GradeMapper() {
    }

    public static org.livecomply.api.grading.v1.Grade toProto(Grade grade) {
        GradeResult result = grade.result();
        return org.livecomply.api.grading.v1.Grade.newBuilder()
                .setName(grade.name())
                .setLevel(RulesetMapper.level(result.level()))
                .setMonitoringRequired(result.monitoringRequired())
                .addAllMonitoringReasons(result.monitoringReasons().stream().map(GradeMapper::reason).toList())
                .addAllFiredRules(result.firedRules().stream().map(r -> FiredRule.newBuilder().setRuleId(r.ruleId())
                        .setLevel(RulesetMapper.level(r.level())).setDescription(r.description()).build()).toList())
                .setInputs(inputs(result.inputs()))
                .setRuleset(GradingRuleset.COLLECTION + grade.rulesetVersion())
                .setExplanation(result.explanation())
                .addAllMatchedMeasures(result.matchedMeasures())
                .setEvaluateTime(ProtoValues.timestamp(grade.evaluateTime()))
                .build();
    }

    /** Reads back what {@link #toProto} stored. */
    public static GradeResult resultFromProto(org.livecomply.api.grading.v1.Grade proto) {
        var in = proto.getInputs();
        GradeInputs inputs = new GradeInputs(in.getWeightedViolations30D(), in.getWeightedViolations90D(), in.getWeightedViolations365D(),
                in.getViolations90D(), in.getVerifiedComplaints30D(), in.getVerifiedComplaints90D(), in.getFollowers(), in.getVisits30D(),
                in.getGmv30DFen(), in.getOrders30D(), in.getMarketerInfluence(), in.getLifeAndHealth(), in.getAbnormalOperationListed(),
                in.getSeriousDishonestyListed(), in.getPenalties365D());
        List<GradeResult.MonitoringReason> reasons = proto.getMonitoringReasonsList().stream()
                .map(r -> new GradeResult.MonitoringReason(ProtoValues.domain(r.getTrigger(), "MONITORING_TRIGGER_",
                        org.livecomply.grading.domain.rules.MonitoringTrigger.class), r.getDescription())).toList();
        List<GradeResult.FiredRule> fired = proto.getFiredRulesList().stream()
                .map(r -> new GradeResult.FiredRule(r.getRuleId(), RulesetMapper.level(r.getLevel()), r.getDescription())).toList();
        return new GradeResult(RulesetMapper.level(proto.getLevel()), proto.getMonitoringRequired(), reasons, fired, inputs,
                proto.getMatchedMeasuresList(), proto.getExplanation());
    }

    static DryRunResult dryRun(String roomName, Grade current, GradeResult draft) {
        GradeLevel currentLevel = current == null ? null : current.result().level();
        boolean currentMonitoring = current != null && current.result().monitoringRequired();
        DryRunResult.Builder result = DryRunResult.newBuilder()
                .setRoom(roomName)
                .setCurrentMonitoringRequired(currentMonitoring)
                .setLevel(RulesetMapper.level(draft.level()))
                .setMonitoringRequired(draft.monitoringRequired())
                .addAllFiredRuleIds(draft.firedRules().stream().map(GradeResult.FiredRule::ruleId).toList())
                .setChanged(!draft.sameOutcome(currentLevel, currentMonitoring))
                .setExplanation(draft.explanation());
        if (currentLevel != null) {
            result.setCurrentLevel(RulesetMapper.level(currentLevel));
        }
        return result.build();
    }

    private static MonitoringReason reason(GradeResult.MonitoringReason reason) {
        return MonitoringReason.newBuilder()
                .setTrigger(ProtoValues.proto(reason.trigger(), "MONITORING_TRIGGER_", MonitoringTrigger.class))
                .setArticle(reason.trigger().article())
                .setDescription(reason.description())
                .build();
    }

    private static org.livecomply.api.grading.v1.GradeInputs inputs(GradeInputs in) {
        return org.livecomply.api.grading.v1.GradeInputs.newBuilder()
                .setWeightedViolations30D(in.weightedViolations30d()).setWeightedViolations90D(in.weightedViolations90d())
                .setWeightedViolations365D(in.weightedViolations365d()).setViolations90D(in.violations90d())
                .setVerifiedComplaints30D(in.verifiedComplaints30d()).setVerifiedComplaints90D(in.verifiedComplaints90d())
                .setFollowers(in.followers()).setVisits30D(in.visits30d()).setGmv30DFen(in.gmv30dFen()).setOrders30D(in.orders30d())
                .setMarketerInfluence(in.marketerInfluence()).setLifeAndHealth(in.lifeAndHealth())
                .setAbnormalOperationListed(in.abnormalOperationListed()).setSeriousDishonestyListed(in.seriousDishonestyListed())
                .setPenalties365D(in.penalties365d())
                .build();
    }
}
