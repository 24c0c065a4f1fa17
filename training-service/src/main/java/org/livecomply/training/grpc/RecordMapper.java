package org.livecomply.training.grpc;

import org.livecomply.api.training.v1.Certificate;
import org.livecomply.commons.error.Violations;
import org.livecomply.training.domain.CertificateIds;
import org.livecomply.training.domain.IdentityCheck;
import org.livecomply.training.domain.NewTrainingRecord;
import org.livecomply.training.domain.TrainingRecord;
import org.livecomply.training.domain.TrainingRefusal;
import org.livecomply.training.service.TrainingRecordService.CertificateCheck;

/** Training records, refusals and certificates between proto and domain. */
final class RecordMapper {

    private static final String PATH = "training_record.";

    private RecordMapper() {
    }

    static NewTrainingRecord fromProto(org.livecomply.api.training.v1.TrainingRecord proto, Violations violations) {
        IdentityCheck check = null;
        if (proto.hasIdentityCheck()) {
            org.livecomply.api.training.v1.IdentityCheck identityCheck = proto.getIdentityCheck();
            check = new IdentityCheck(
                    ProtoValues.fromProto(identityCheck.getMethod(), "METHOD_", IdentityCheck.Method.class),
                    identityCheck.getReference(),
                    ProtoValues.instant(identityCheck.hasCheckTime(), identityCheck.getCheckTime(), PATH + "identity_check.check_time", violations));
        }
        return new NewTrainingRecord(
                ResourceNames.subject(proto.getSubject(), PATH + "subject", violations),
                ResourceNames.course(proto.getCourse(), PATH + "course", violations),
                ProtoValues.instant(proto.hasStartTime(), proto.getStartTime(), PATH + "start_time", violations),
                ProtoValues.instant(proto.hasCompleteTime(), proto.getCompleteTime(), PATH + "complete_time", violations),
                ProtoValues.duration(proto.hasWatchedDuration(), proto.getWatchedDuration(), PATH + "watched_duration", violations),
                proto.getScore(),
                check,
                ResourceNames.issuer(proto.getIssuer(), PATH + "issuer", violations));
    }

    static org.livecomply.api.training.v1.TrainingRecord toProto(TrainingRecord record) {
        org.livecomply.api.training.v1.TrainingRecord.Builder proto = org.livecomply.api.training.v1.TrainingRecord.newBuilder()
                .setName(record.name())
                .setSubject(record.subject().name())
                .setCourse(record.course().name())
                .setStartTime(ProtoValues.timestamp(record.startTime()))
                .setCompleteTime(ProtoValues.timestamp(record.completeTime()))
                .setWatchedDuration(ProtoValues.duration(record.watchedDuration()))
                .setScore(record.score())
                .setPassed(record.passed())
                .setIdentityCheck(org.livecomply.api.training.v1.IdentityCheck.newBuilder()
                        .setMethod(ProtoValues.toProto(record.identityCheck().method(), "METHOD_",
                                org.livecomply.api.training.v1.IdentityCheck.Method.class))
                        .setReference(record.identityCheck().reference())
                        .setCheckTime(ProtoValues.timestamp(record.identityCheck().checkTime())))
                .setIssuer(record.issuer().name())
                .setState(record.voided() ? org.livecomply.api.training.v1.TrainingRecord.State.STATE_VOIDED
                        : org.livecomply.api.training.v1.TrainingRecord.State.STATE_ACTIVE)
                .setRecordedBy(record.recordedBy())
                .setRecordTime(ProtoValues.timestamp(record.recordTime()));
        if (record.certificateId() != null) {
            proto.setCertificateId(CertificateIds.display(record.certificateId()));
        }
        if (record.voided()) {
            proto.setVoidReason(record.voiding().reason())
                    .setVoidedBy(record.voiding().voidedBy())
                    .setVoidTime(ProtoValues.timestamp(record.voiding().voidTime()));
        }
        return proto.build();
    }

    static org.livecomply.api.training.v1.TrainingRefusal toProto(TrainingRefusal refusal) {
        return org.livecomply.api.training.v1.TrainingRefusal.newBuilder()
                .setName(refusal.name())
                .setSubject(refusal.subject().name())
                .setCourse(refusal.course().name())
                .setRefuseTime(ProtoValues.timestamp(refusal.refuseTime()))
                .setNote(refusal.note())
                .setRecordedBy(refusal.recordedBy())
                .setRecordTime(ProtoValues.timestamp(refusal.recordTime()))
                .build();
    }

    static Certificate toProto(CertificateCheck check) {
        TrainingRecord record = check.record();
        Certificate.State state = !check.matches() ? Certificate.State.STATE_ALTERED
                : record.voided() ? Certificate.State.STATE_VOIDED : Certificate.State.STATE_VALID;
        return Certificate.newBuilder()
                .setCertificateId(CertificateIds.display(record.certificateId()))
                .setState(state)
                .setTrainingRecord(toProto(record))
                .build();
    }
}
