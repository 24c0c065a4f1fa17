package org.livecomply.grading.grpc;

import java.util.List;
import org.livecomply.api.grading.v1.Evidence;
import org.livecomply.api.grading.v1.RedLine;
import org.livecomply.api.grading.v1.Severity;
import org.livecomply.api.grading.v1.VerifiedComplaint;
import org.livecomply.api.grading.v1.Violation;
import org.livecomply.api.grading.v1.ViolationSource;
import org.livecomply.commons.error.Violations;
import org.livecomply.grading.domain.NewViolation;

/** Violations, evidence and verified complaints between the contract and the domain. */
final class ViolationMapper {

    private ViolationMapper() {
    }

    static NewViolation fromProto(Violation proto, Violations violations) {
        String marketer = ResourceNames.marketer(proto.getMarketer(), "violation.marketer", false, violations);
        return new NewViolation(
                ProtoValues.domain(proto.getRedLine(), "RED_LINE_", org.livecomply.grading.domain.RedLine.class),
                ProtoValues.domain(proto.getSeverity(), "SEVERITY_", org.livecomply.grading.domain.Severity.class),
                ProtoValues.domain(proto.getSource(), "VIOLATION_SOURCE_", org.livecomply.grading.domain.ViolationSource.class),
                proto.getDescription(), emptyToNull(proto.getSessionId()), marketer, evidence(proto.getEvidenceList()),
                ProtoValues.instant(proto.hasOccurTime(), proto.getOccurTime(), "violation.occur_time", violations),
                emptyToNull(proto.getRegulatorReference()));
    }

    static List<org.livecomply.grading.domain.Evidence> evidence(List<Evidence> items) {
        return items.stream().map(e -> new org.livecomply.grading.domain.Evidence(
                e.getKindCase() == Evidence.KindCase.ARCHIVE_LEAF_INDEX ? e.getArchiveLeafIndex() : null,
                e.getKindCase() == Evidence.KindCase.ARTEFACT_SHA256 ? e.getArtefactSha256() : null,
                emptyToNull(e.getDescription()))).toList();
    }

    static List<Evidence> evidenceToProto(List<org.livecomply.grading.domain.Evidence> items) {
        return items.stream().map(e -> {
            Evidence.Builder proto = Evidence.newBuilder();
            if (e.archiveLeafIndex() != null) {
                proto.setArchiveLeafIndex(e.archiveLeafIndex());
            } else {
                proto.setArtefactSha256(e.artefactSha256());
            }
            if (e.description() != null) {
                proto.setDescription(e.description());
            }
            return proto.build();
        }).toList();
    }

    static Violation toProto(org.livecomply.grading.domain.Violation v) {
        Violation.Builder proto = Violation.newBuilder()
                .setName(v.name())
                .setRedLine(ProtoValues.proto(v.redLine(), "RED_LINE_", RedLine.class))
                .setSeverity(ProtoValues.proto(v.severity(), "SEVERITY_", Severity.class))
                .setSource(ProtoValues.proto(v.source(), "VIOLATION_SOURCE_", ViolationSource.class))
                .setDescription(v.description())
                .addAllEvidence(evidenceToProto(v.evidence()))
                .setOccurTime(ProtoValues.timestamp(v.occurTime()))
                .setArticle(v.redLine().article())
                .setRecordedBy(v.recordedBy())
                .setRecordTime(ProtoValues.timestamp(v.recordTime()));
        if (v.sessionId() != null) {
            proto.setSessionId(v.sessionId());
        }
        if (v.marketer() != null) {
            proto.setMarketer(v.marketer());
        }
        if (v.regulatorReference() != null) {
            proto.setRegulatorReference(v.regulatorReference());
        }
        if (v.disposalId() != null) {
            proto.setDisposal("rooms/" + v.roomId() + "/disposals/" + v.disposalId());
        }
        ProtoValues.setIfPresent(v.disposalDueTime(), proto::setDisposalDueTime);
        return proto.build();
    }

    static org.livecomply.grading.domain.VerifiedComplaint complaintFromProto(String roomId, VerifiedComplaint proto, Violations violations) {
        return new org.livecomply.grading.domain.VerifiedComplaint(roomId, proto.getComplaintId(), proto.getSummary(),
                ProtoValues.instant(proto.hasVerifyTime(), proto.getVerifyTime(), "verified_complaint.verify_time", violations), null);
    }

    static VerifiedComplaint toProto(org.livecomply.grading.domain.VerifiedComplaint c) {
        return VerifiedComplaint.newBuilder().setName(c.name()).setComplaintId(c.complaintId()).setSummary(c.summary())
                .setVerifyTime(ProtoValues.timestamp(c.verifyTime())).setRecordTime(ProtoValues.timestamp(c.recordTime())).build();
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
