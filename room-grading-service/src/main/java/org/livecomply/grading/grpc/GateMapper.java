package org.livecomply.grading.grpc;

import org.livecomply.api.grading.v1.GoLiveDecision;
import org.livecomply.api.grading.v1.GoLiveReason;
import org.livecomply.grading.service.GoLiveGate;

/** The gate's decision in the contract. */
final class GateMapper {

    private GateMapper() {
    }

    static GoLiveDecision toProto(GoLiveGate.Decision decision) {
        GoLiveDecision.Builder proto = GoLiveDecision.newBuilder()
                .setOutcome(decision.allowed() ? GoLiveDecision.Outcome.OUTCOME_ALLOWED : GoLiveDecision.Outcome.OUTCOME_DENIED)
                .setRoom(decision.room())
                .setSessionId(decision.sessionId())
                .setCheckTime(ProtoValues.timestamp(decision.checkTime()));
        decision.reasons().forEach(r -> proto.addReasons(GoLiveReason.newBuilder().setCode(r.code()).setArticle(r.article())
                .setSubject(r.subject()).setDescription(r.description())));
        return proto.build();
    }
}
