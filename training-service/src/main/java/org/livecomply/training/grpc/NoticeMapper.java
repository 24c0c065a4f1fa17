package org.livecomply.training.grpc;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.livecomply.commons.error.Violations;
import org.livecomply.training.domain.Audience;
import org.livecomply.training.domain.NoticeAcknowledgement;
import org.livecomply.training.domain.RegulatorNotice;

/** Regulator notices and read receipts between proto and domain. */
final class NoticeMapper {

    private static final String PATH = "regulator_notice.";

    private NoticeMapper() {
    }

    static RegulatorNotice fromProto(org.livecomply.api.training.v1.RegulatorNotice proto, Violations violations) {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        Set<org.livecomply.api.training.v1.Audience> seen = new HashSet<>();
        for (int i = 0; i < proto.getAudiencesCount(); i++) {
            org.livecomply.api.training.v1.Audience value = proto.getAudiences(i);
            Audience audience = ProtoValues.fromProto(value, "AUDIENCE_", Audience.class);
            if (audience == null) {
                violations.add(PATH + "audiences[" + i + "]", PATH + "audiences[" + i + "] is not a known audience");
            } else if (!seen.add(value)) {
                violations.add(PATH + "audiences[" + i + "]", PATH + "audiences[" + i + "] repeats " + value);
            } else {
                audiences.add(audience);
            }
        }
        return new RegulatorNotice(null, proto.getTitle(), proto.getIssuingAuthority(), proto.getDocumentReference(), proto.getDigest(),
                proto.getDocumentSha256(), audiences,
                ProtoValues.instant(proto.hasAcknowledgeDeadlineTime(), proto.getAcknowledgeDeadlineTime(), PATH + "acknowledge_deadline_time",
                        violations), null, null);
    }

    static org.livecomply.api.training.v1.RegulatorNotice toProto(RegulatorNotice notice) {
        org.livecomply.api.training.v1.RegulatorNotice.Builder proto = org.livecomply.api.training.v1.RegulatorNotice.newBuilder()
                .setName(notice.name())
                .setTitle(notice.title())
                .setIssuingAuthority(notice.issuingAuthority())
                .setDocumentReference(notice.documentReference())
                .setDigest(notice.digest())
                .setAcknowledgeDeadlineTime(ProtoValues.timestamp(notice.acknowledgeDeadline()))
                .setCirculatedBy(notice.circulatedBy())
                .setCirculateTime(ProtoValues.timestamp(notice.circulateTime()));
        if (notice.documentSha256() != null) {
            proto.setDocumentSha256(notice.documentSha256());
        }
        notice.audiences().stream().sorted().forEach(audience -> proto.addAudiences(CourseMapper.audience(audience)));
        return proto.build();
    }

    static org.livecomply.api.training.v1.NoticeAcknowledgement toProto(NoticeAcknowledgement acknowledgement) {
        return org.livecomply.api.training.v1.NoticeAcknowledgement.newBuilder()
                .setName(acknowledgement.name())
                .setSubject(acknowledgement.subject().name())
                .setAcknowledgeTime(ProtoValues.timestamp(acknowledgement.acknowledgeTime()))
                .setLate(acknowledgement.late())
                .setRecordedBy(acknowledgement.recordedBy())
                .setRecordTime(ProtoValues.timestamp(acknowledgement.recordTime()))
                .build();
    }
}
