package org.livecomply.grading.grpc;

import org.livecomply.api.grading.v1.DisposalProposal;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.grading.domain.GradingRuleset;
import org.livecomply.grading.domain.rules.Proposal;

/** Proposals between the domain and the contract; also their stored form (proto3 JSON of DisposalProposal). */
public final class ProposalMapper {

    private ProposalMapper() {
    }

    public static DisposalProposal toProto(Proposal proposal) {
        DisposalProposal.Builder proto = DisposalProposal.newBuilder()
                .setPoints(proposal.points())
                .setWindowDays(proposal.windowDays())
                .setExplanation(proposal.explanation())
                .setRuleset(GradingRuleset.COLLECTION + proposal.rulesetVersion())
                .setViolation(proposal.violation());
        if (proposal.measure() != null) {
            proto.setMeasure(ProtoValues.proto(proposal.measure(), "MEASURE_", Measure.class)).setRuleId(proposal.ruleId());
        }
        if (proposal.duration() != null) {
            proto.setDuration(ProtoValues.duration(proposal.duration()));
        }
        return proto.build();
    }

    public static Proposal fromProto(DisposalProposal proto) {
        return new Proposal(ProtoValues.domain(proto.getMeasure(), "MEASURE_", org.livecomply.grading.domain.Measure.class),
                proto.hasDuration() ? java.time.Duration.ofSeconds(proto.getDuration().getSeconds()) : null,
                proto.getPoints(), proto.getWindowDays(), proto.getRuleId().isEmpty() ? null : proto.getRuleId(), proto.getExplanation(),
                Integer.parseInt(proto.getRuleset().substring(GradingRuleset.COLLECTION.length())), proto.getViolation());
    }
}
