package org.livecomply.grading.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.api.grading.v1.Appeal;
import org.livecomply.api.grading.v1.Disposal;
import org.livecomply.api.grading.v1.Measure;
import org.livecomply.api.grading.v1.ReportLevel;
import org.livecomply.api.grading.v1.SubjectIdentity;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.NewDisposal;

/** Disposals and appeals between the contract and the domain. */
final class DisposalMapper {

    private DisposalMapper() {
    }

    /** {@code roomId} is the request's parent: every violation must be of that room. */
    static NewDisposal fromProto(String roomId, Disposal proto, Violations violations) {
        List<String> violationIds = new ArrayList<>();
        for (int i = 0; i < Math.min(proto.getViolationsCount(), 20); i++) {
            String field = "disposal.violations[" + i + "]";
            String[] name = ResourceNames.violation(proto.getViolations(i), field, violations);
            if (name != null && roomId != null && !name[0].equals(roomId)) {
                violations.add(field, field + " must be a violation of the parent room");
                name = null;
            }
            violationIds.add(name == null ? null : name[1]);
        }
        if (proto.getViolationsCount() > 20) {
            violationIds.add(null);
        }
        String marketer = ResourceNames.marketer(proto.getMarketer(), "disposal.marketer", false, violations);
        org.livecomply.grading.domain.SubjectIdentity identity = null;
        if (proto.hasSubjectIdentity()) {
            SubjectIdentity s = proto.getSubjectIdentity();
            identity = new org.livecomply.grading.domain.SubjectIdentity(
                    ProtoValues.domain(s.getIdentityType(), "IDENTITY_TYPE_", org.livecomply.grading.domain.SubjectIdentity.Type.class),
                    s.getIdentity());
        }
        return new NewDisposal(ProtoValues.domain(proto.getMeasure(), "MEASURE_", org.livecomply.grading.domain.Measure.class),
                violationIds, marketer, ViolationMapper.emptyToNull(proto.getSessionId()), proto.getFacts(), proto.getReasons(),
                proto.getLegalBasis(), proto.getAppealChannel(),
                ProtoValues.duration(proto.hasDuration(), proto.getDuration(), "disposal.duration", violations),
                ProtoValues.instant(proto.hasStartTime(), proto.getStartTime(), "disposal.start_time", violations), identity,
                proto.getDeviationReason());
    }

    static Disposal toProto(org.livecomply.grading.domain.Disposal d, Instant now) {
        Disposal.Builder proto = Disposal.newBuilder()
                .setName(d.name())
                .setMeasure(ProtoValues.proto(d.measure(), "MEASURE_", Measure.class))
                .addAllViolations(d.violationIds().stream().map(id -> "rooms/" + d.roomId() + "/violations/" + id).toList())
                .setFacts(d.facts())
                .setReasons(d.reasons())
                .setLegalBasis(d.legalBasis())
                .setAppealChannel(d.appealChannel())
                .setStartTime(ProtoValues.timestamp(d.startTime()))
                .setState(Disposal.State.valueOf("STATE_" + d.stateAt(now).name()))
                .setProposal(ProposalMapper.toProto(d.proposal()))
                .addAllReportLevels(d.reportLevels().stream().map(l -> ProtoValues.proto(l, "REPORT_LEVEL_", ReportLevel.class)).toList())
                .setDecidedBy(d.decidedBy())
                .setDecideTime(ProtoValues.timestamp(d.decideTime()))
                .setAppealDeadlineTime(ProtoValues.timestamp(d.appealDeadline()))
                .setIdentityDelivery(Disposal.IdentityDelivery.valueOf("IDENTITY_DELIVERY_" + d.identityDelivery().name()));
        if (d.marketer() != null) {
            proto.setMarketer(d.marketer());
        }
        if (d.sessionId() != null) {
            proto.setSessionId(d.sessionId());
        }
        if (d.endTime() != null) {
            proto.setEndTime(ProtoValues.timestamp(d.endTime()))
                    .setDuration(ProtoValues.duration(java.time.Duration.between(d.startTime(), d.endTime())));
        }
        if (d.identityType() != null) {
            proto.setSubjectIdentity(SubjectIdentity.newBuilder()
                    .setIdentityType(ProtoValues.proto(d.identityType(), "IDENTITY_TYPE_", SubjectIdentity.IdentityType.class))
                    .setIdentity(d.identityMasked()));
        }
        if (d.deviationReason() != null) {
            proto.setDeviationReason(d.deviationReason());
        }
        if (d.blacklistEntry() != null) {
            proto.setBlacklistEntry(d.blacklistEntry());
        }
        ProtoValues.setIfPresent(d.revokeTime(), proto::setRevokeTime);
        return proto.build();
    }

    static Appeal toProto(org.livecomply.grading.domain.Appeal a) {
        Appeal.Builder proto = Appeal.newBuilder()
                .setName(a.name())
                .setStatement(a.statement())
                .addAllEvidence(ViolationMapper.evidenceToProto(a.evidence()))
                .setState(Appeal.State.valueOf("STATE_" + a.state().name()))
                .setFiledBy(a.filedBy())
                .setFileTime(ProtoValues.timestamp(a.fileTime()));
        if (a.decisionReason() != null) {
            proto.setDecisionReason(a.decisionReason()).setDecidedBy(a.decidedBy()).setDecideTime(ProtoValues.timestamp(a.decideTime()))
                    .setResultNotice(a.resultNotice());
        }
        return proto.build();
    }
}
