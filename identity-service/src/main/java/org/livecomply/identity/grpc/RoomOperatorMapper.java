package org.livecomply.identity.grpc;

import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import org.livecomply.api.identity.v1.AdministrativeLicence;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.Contact;
import org.livecomply.identity.domain.Certificate;
import org.livecomply.identity.domain.LiveAccount;
import org.livecomply.identity.domain.NewRoomOperator;
import org.livecomply.identity.domain.PostalAddress;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.domain.RoomOperatorKind;
import org.livecomply.identity.domain.SubjectRevision;
import org.livecomply.identity.domain.RoomOperatorState;
import org.livecomply.identity.domain.RoomOperatorUpdate;

/** Room operators between proto and domain. */
final class RoomOperatorMapper {

    private static final String PATH = "room_operator.";

    private RoomOperatorMapper() {
    }

    static NewRoomOperator fromProto(org.livecomply.api.identity.v1.RoomOperator proto, Violations violations) {
        List<Certificate> licences = new ArrayList<>();
        for (int i = 0; i < proto.getLicencesCount(); i++) {
            AdministrativeLicence licence = proto.getLicences(i);
            licences.add(new Certificate(licence.getKind(), licence.getNumber(), licence.getIssuer(),
                    ProtoValues.date(licence.getValidUntil(), PATH + "licences[" + i + "].valid_until", violations)));
        }
        return new NewRoomOperator(
                kind(proto.getKind(), PATH + "kind", violations),
                proto.getLegalName(),
                proto.getUscc(),
                proto.getIdNumber(),
                proto.hasBusinessAddress() ? address(proto.getBusinessAddress()) : null,
                proto.hasContact() ? new Contact(proto.getContact().getPhone(), proto.getContact().getEmail()) : null,
                licences,
                proto.getLiveAccountsList().stream().map(a -> new LiveAccount(a.getAccountId(), a.getDisplayName())).toList());
    }

    /** The fields named by {@code mask} with their new values; null (with a violation) when the mask is unusable. */
    static RoomOperatorUpdate updateFromProto(org.livecomply.api.identity.v1.RoomOperator proto, FieldMask mask, Violations violations) {
        Set<RoomOperatorUpdate.Field> fields = FieldMasks.fields(mask, RoomOperatorUpdate.Field.class, RoomOperatorUpdate.Field::path, violations);
        if (fields == null) {
            return null;
        }
        NewRoomOperator values = fromProto(proto, violations);
        return new RoomOperatorUpdate(fields, values.legalName(), values.businessAddress(), values.contact(), values.licences(),
                values.liveAccounts());
    }

    static org.livecomply.api.identity.v1.RoomOperatorRevision toProto(SubjectRevision<RoomOperator> revision) {
        return org.livecomply.api.identity.v1.RoomOperatorRevision.newBuilder()
                .setName(revision.name())
                .addAllChangedFields(revision.changedFields())
                .setPrevious(toProto(revision.previous()))
                .setUpdatedBy(revision.updatedBy())
                .setUpdateTime(ProtoValues.timestamp(revision.updateTime()))
                .build();
    }

    static org.livecomply.api.identity.v1.RoomOperator toProto(RoomOperator operator) {
        PostalAddress address = operator.businessAddress();
        org.livecomply.api.identity.v1.RoomOperator.Builder proto = org.livecomply.api.identity.v1.RoomOperator.newBuilder()
                .setName(operator.name())
                .setKind(org.livecomply.api.identity.v1.RoomOperator.Kind.valueOf("KIND_" + operator.kind().name()))
                .setLegalName(operator.legalName())
                .setUscc(nullToEmpty(operator.uscc()))
                .setIdNumber(nullToEmpty(operator.idNumberMasked()))
                .setBusinessAddress(toProto(address))
                .setContact(toProto(operator.contact()))
                .setState(state(operator.state()))
                .setCreateTime(ProtoValues.timestamp(operator.createTime()))
                .setUpdateTime(ProtoValues.timestamp(operator.updateTime()));
        ProtoValues.setIfPresent(operator.lastVerifyTime(), proto::setLastVerifyTime);
        ProtoValues.setIfPresent(operator.reverificationDueTime(), proto::setReverificationDueTime);
        if (operator.birthDate() != null) {
            proto.setBirthDate(ProtoValues.date(operator.birthDate()));
        }
        operator.licences().forEach(licence -> {
            AdministrativeLicence.Builder builder = AdministrativeLicence.newBuilder()
                    .setKind(licence.kind()).setNumber(licence.number()).setIssuer(licence.issuer());
            if (licence.validUntil() != null) {
                builder.setValidUntil(ProtoValues.date(licence.validUntil()));
            }
            proto.addLicences(builder);
        });
        operator.liveAccounts().forEach(account -> proto.addLiveAccountsBuilder()
                .setAccountId(account.accountId()).setDisplayName(account.displayName()));
        return proto.build();
    }

    /** UNSPECIFIED is null (required or "any", as the caller decides); an unknown number is a violation on {@code field}. */
    static RoomOperatorKind kind(org.livecomply.api.identity.v1.RoomOperator.Kind kind, String field, Violations violations) {
        return switch (kind) {
            case KIND_REGISTERED_ENTITY -> RoomOperatorKind.REGISTERED_ENTITY;
            case KIND_INDIVIDUAL_BUSINESS -> RoomOperatorKind.INDIVIDUAL_BUSINESS;
            case KIND_NATURAL_PERSON -> RoomOperatorKind.NATURAL_PERSON;
            case KIND_UNSPECIFIED -> null;
            case UNRECOGNIZED -> {
                violations.add(field, field + " has an unknown value");
                yield null;
            }
        };
    }

    /** A filter value: UNSPECIFIED means any (null); an unknown number is a violation on {@code field}. */
    static RoomOperatorState stateFilter(org.livecomply.api.identity.v1.RoomOperator.State state, String field, Violations violations) {
        return switch (state) {
            case STATE_UNSPECIFIED -> null;
            case UNRECOGNIZED -> {
                violations.add(field, field + " has an unknown value");
                yield null;
            }
            default -> RoomOperatorState.valueOf(state.name().substring("STATE_".length()));
        };
    }

    static org.livecomply.api.identity.v1.RoomOperator.State state(RoomOperatorState state) {
        return org.livecomply.api.identity.v1.RoomOperator.State.valueOf("STATE_" + state.name());
    }

    static org.livecomply.api.type.v1.PostalAddress toProto(PostalAddress address) {
        return org.livecomply.api.type.v1.PostalAddress.newBuilder()
                .setRegionCode(address.regionCode()).setProvince(address.province()).setCity(address.city())
                .setDistrict(address.district()).setStreetAddress(address.streetAddress())
                .setPostalCode(nullToEmpty(address.postalCode())).build();
    }

    static org.livecomply.api.type.v1.Contact toProto(Contact contact) {
        return org.livecomply.api.type.v1.Contact.newBuilder().setPhone(contact.phone()).setEmail(nullToEmpty(contact.email())).build();
    }

    static PostalAddress address(org.livecomply.api.type.v1.PostalAddress proto) {
        return new PostalAddress(proto.getRegionCode(), proto.getProvince(), proto.getCity(), proto.getDistrict(),
                proto.getStreetAddress(), proto.getPostalCode());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
