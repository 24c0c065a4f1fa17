package org.livecomply.identity.grpc;

import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.McnAgreement;
import org.livecomply.identity.domain.McnInstitution;
import org.livecomply.identity.domain.RoomOperator;

/** MCN institutions and agreements between proto and domain. */
final class McnMapper {

    private McnMapper() {
    }

    static McnInstitution fromProto(org.livecomply.api.identity.v1.McnInstitution proto) {
        return new McnInstitution(null, proto.getLegalName(), proto.getUscc(),
                proto.hasBusinessAddress() ? RoomOperatorMapper.address(proto.getBusinessAddress()) : null,
                proto.hasContact() ? new Contact(proto.getContact().getPhone(), proto.getContact().getEmail()) : null, null);
    }

    static org.livecomply.api.identity.v1.McnInstitution toProto(McnInstitution mcn) {
        return org.livecomply.api.identity.v1.McnInstitution.newBuilder()
                .setName(mcn.name())
                .setLegalName(mcn.legalName())
                .setUscc(mcn.uscc())
                .setBusinessAddress(RoomOperatorMapper.toProto(mcn.businessAddress()))
                .setContact(RoomOperatorMapper.toProto(mcn.contact()))
                .setCreateTime(ProtoValues.timestamp(mcn.createTime()))
                .build();
    }

    static McnAgreement agreementFromProto(String mcnId, org.livecomply.api.identity.v1.McnAgreement proto, Violations violations) {
        String operatorId = ResourceNames.id(proto.getRoomOperator(), RoomOperator.COLLECTION, "mcn_agreement.room_operator", violations);
        return new McnAgreement(mcnId, 0, operatorId, proto.getAgreementDocumentSha256(),
                ProtoValues.instant(proto.hasSignTime(), proto.getSignTime(), "mcn_agreement.sign_time", violations),
                ProtoValues.date(proto.getValidUntil(), "mcn_agreement.valid_until", violations), null);
    }

    static org.livecomply.api.identity.v1.McnAgreement toProto(McnAgreement agreement) {
        org.livecomply.api.identity.v1.McnAgreement.Builder proto = org.livecomply.api.identity.v1.McnAgreement.newBuilder()
                .setName(agreement.name())
                .setRoomOperator(RoomOperator.COLLECTION + agreement.roomOperatorId())
                .setAgreementDocumentSha256(agreement.agreementDocumentSha256())
                .setSignTime(ProtoValues.timestamp(agreement.signTime()))
                .setCreateTime(ProtoValues.timestamp(agreement.createTime()));
        if (agreement.validUntil() != null) {
            proto.setValidUntil(ProtoValues.date(agreement.validUntil()));
        }
        return proto.build();
    }
}
