package org.livecomply.identity.grpc;

import com.google.protobuf.FieldMask;
import java.util.Set;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.McnAgreement;
import org.livecomply.identity.domain.McnInstitution;
import org.livecomply.identity.domain.McnInstitutionUpdate;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.SubjectRevision;

/** MCN institutions and agreements between proto and domain. */
final class McnMapper {

    private McnMapper() {
    }

    static McnInstitution fromProto(org.livecomply.api.identity.v1.McnInstitution proto) {
        return new McnInstitution(null, proto.getLegalName(), proto.getUscc(),
                proto.hasBusinessAddress() ? RoomOperatorMapper.address(proto.getBusinessAddress()) : null,
                proto.hasContact() ? new Contact(proto.getContact().getPhone(), proto.getContact().getEmail()) : null, null, null);
    }

    static org.livecomply.api.identity.v1.McnInstitution toProto(McnInstitution mcn) {
        return org.livecomply.api.identity.v1.McnInstitution.newBuilder()
                .setName(mcn.name())
                .setLegalName(mcn.legalName())
                .setUscc(mcn.uscc())
                .setBusinessAddress(RoomOperatorMapper.toProto(mcn.businessAddress()))
                .setContact(RoomOperatorMapper.toProto(mcn.contact()))
                .setCreateTime(ProtoValues.timestamp(mcn.createTime()))
                .setUpdateTime(ProtoValues.timestamp(mcn.updateTime()))
                .build();
    }

    /** The fields named by {@code mask} with their new values; null (with a violation) when the mask is unusable. */
    static McnInstitutionUpdate updateFromProto(org.livecomply.api.identity.v1.McnInstitution proto, FieldMask mask, Violations violations) {
        Set<McnInstitutionUpdate.Field> fields = FieldMasks.fields(mask, McnInstitutionUpdate.Field.class, McnInstitutionUpdate.Field::path,
                violations);
        if (fields == null) {
            return null;
        }
        McnInstitution values = fromProto(proto);
        return new McnInstitutionUpdate(fields, values.legalName(), values.businessAddress(), values.contact());
    }

    static org.livecomply.api.identity.v1.McnInstitutionRevision toProto(SubjectRevision<McnInstitution> revision) {
        return org.livecomply.api.identity.v1.McnInstitutionRevision.newBuilder()
                .setName(revision.name())
                .addAllChangedFields(revision.changedFields())
                .setPrevious(toProto(revision.previous()))
                .setUpdatedBy(revision.updatedBy())
                .setUpdateTime(ProtoValues.timestamp(revision.updateTime()))
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
