package org.livecomply.identity.grpc;

import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.livecomply.api.identity.v1.Qualification;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.Certificate;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.GuardianConsent;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.MarketerState;
import org.livecomply.identity.domain.MarketerUpdate;
import org.livecomply.identity.domain.McnInstitution;
import org.livecomply.identity.domain.NewMarketer;
import org.livecomply.identity.domain.SubjectRevision;

/** Marketers between proto and domain. */
final class MarketerMapper {

    private static final String PATH = "marketer.";

    private MarketerMapper() {
    }

    static NewMarketer fromProto(org.livecomply.api.identity.v1.Marketer proto, Violations violations) {
        List<Certificate> qualifications = new ArrayList<>();
        for (int i = 0; i < proto.getQualificationsCount(); i++) {
            Qualification q = proto.getQualifications(i);
            qualifications.add(new Certificate(q.getKind(), q.getNumber(), q.getIssuer(),
                    ProtoValues.date(q.getValidUntil(), PATH + "qualifications[" + i + "].valid_until", violations)));
        }
        return new NewMarketer(proto.getLegalName(), proto.getIdNumber(),
                proto.hasHabitualAddress() ? RoomOperatorMapper.address(proto.getHabitualAddress()) : null,
                proto.hasContact() ? new Contact(proto.getContact().getPhone(), proto.getContact().getEmail()) : null,
                ResourceNames.optionalId(proto.getMcnInstitution(), McnInstitution.COLLECTION, PATH + "mcn_institution", violations),
                qualifications, proto.getOccupation());
    }

    /** The fields named by {@code mask} with their new values; null (with a violation) when the mask is unusable. */
    static MarketerUpdate updateFromProto(org.livecomply.api.identity.v1.Marketer proto, FieldMask mask, Violations violations) {
        Set<MarketerUpdate.Field> fields = FieldMasks.fields(mask, MarketerUpdate.Field.class, MarketerUpdate.Field::path, violations);
        if (fields == null) {
            return null;
        }
        NewMarketer values = fromProto(proto, violations);
        return new MarketerUpdate(fields, values.legalName(), values.habitualAddress(), values.contact(), values.mcnInstitutionId(),
                values.qualifications(), values.occupation());
    }

    static org.livecomply.api.identity.v1.MarketerRevision toProto(SubjectRevision<Marketer> revision) {
        return org.livecomply.api.identity.v1.MarketerRevision.newBuilder()
                .setName(revision.name())
                .addAllChangedFields(revision.changedFields())
                .setPrevious(toProto(revision.previous()))
                .setUpdatedBy(revision.updatedBy())
                .setUpdateTime(ProtoValues.timestamp(revision.updateTime()))
                .build();
    }

    static GuardianConsent consentFromProto(org.livecomply.api.identity.v1.GuardianConsent proto, Violations violations) {
        return new GuardianConsent(proto.getGuardianName(), proto.getGuardianIdNumber(), proto.getRelationship(),
                proto.getConsentDocumentSha256(),
                ProtoValues.instant(proto.hasConsentTime(), proto.getConsentTime(), "guardian_consent.consent_time", violations));
    }

    static org.livecomply.api.identity.v1.Marketer toProto(Marketer marketer) {
        org.livecomply.api.identity.v1.Marketer.Builder proto = org.livecomply.api.identity.v1.Marketer.newBuilder()
                .setName(marketer.name())
                .setLegalName(marketer.legalName())
                .setIdNumber(marketer.idNumber())
                .setHabitualAddress(RoomOperatorMapper.toProto(marketer.habitualAddress()))
                .setContact(RoomOperatorMapper.toProto(marketer.contact()))
                .setOccupation(marketer.occupation())
                .setMcnInstitution(marketer.mcnInstitutionId() == null ? "" : McnInstitution.COLLECTION + marketer.mcnInstitutionId())
                .setState(org.livecomply.api.identity.v1.Marketer.State.valueOf("STATE_" + marketer.state().name()))
                .setBirthDate(ProtoValues.date(marketer.birthDate()))
                .setCreateTime(ProtoValues.timestamp(marketer.createTime()))
                .setUpdateTime(ProtoValues.timestamp(marketer.updateTime()));
        ProtoValues.setIfPresent(marketer.lastVerifyTime(), proto::setLastVerifyTime);
        marketer.qualifications().forEach(q -> {
            Qualification.Builder builder = Qualification.newBuilder().setKind(q.kind()).setNumber(q.number()).setIssuer(q.issuer());
            if (q.validUntil() != null) {
                builder.setValidUntil(ProtoValues.date(q.validUntil()));
            }
            proto.addQualifications(builder);
        });
        marketer.guardianConsent().ifPresent(c -> proto.setGuardianConsent(org.livecomply.api.identity.v1.GuardianConsent.newBuilder()
                .setGuardianName(c.guardianName()).setGuardianIdNumber(c.guardianIdNumber()).setRelationship(c.relationship())
                .setConsentDocumentSha256(c.consentDocumentSha256()).setConsentTime(ProtoValues.timestamp(c.consentTime()))));
        return proto.build();
    }

    static MarketerState stateFilter(org.livecomply.api.identity.v1.Marketer.State state, Violations violations) {
        return switch (state) {
            case STATE_UNSPECIFIED -> null;
            case UNRECOGNIZED -> {
                violations.add("state", "state has an unknown value");
                yield null;
            }
            default -> MarketerState.valueOf(state.name().substring("STATE_".length()));
        };
    }
}
