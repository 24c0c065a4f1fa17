package org.livecomply.identity.grpc;

import org.livecomply.api.identity.v1.DisclosurePurpose;
import org.livecomply.api.identity.v1.SellerInformation;
import org.livecomply.commons.error.Violations;
import org.livecomply.identity.domain.DisclosureAudit;
import org.livecomply.identity.domain.Marketer;
import org.livecomply.identity.domain.RoomOperator;
import org.livecomply.identity.service.DisclosureService;

/** Disclosures and their audit records to proto. */
final class DisclosureMapper {

    private DisclosureMapper() {
    }

    static DisclosureAudit.Purpose purpose(DisclosurePurpose purpose, Violations violations) {
        return switch (purpose) {
            case DISCLOSURE_PURPOSE_CONSUMER_DISPUTE -> DisclosureAudit.Purpose.CONSUMER_DISPUTE;
            case DISCLOSURE_PURPOSE_REGULATOR_REQUEST -> DisclosureAudit.Purpose.REGULATOR_REQUEST;
            case DISCLOSURE_PURPOSE_CONSUMER_CLAIM -> DisclosureAudit.Purpose.CONSUMER_CLAIM;
            default -> {
                violations.add("purpose", "purpose is required: why the data are disclosed");
                yield null;
            }
        };
    }

    static SellerInformation toProto(DisclosureService.Disclosure disclosure) {
        SellerInformation.Builder proto = SellerInformation.newBuilder()
                .setRoomOperator(RoomOperatorMapper.toProto(disclosure.roomOperator()))
                .setDisclosureAudit(disclosure.audit().name());
        disclosure.marketer().ifPresent(m -> proto.setMarketer(MarketerMapper.toProto(m)));
        return proto.build();
    }

    static org.livecomply.api.identity.v1.DisclosureAudit toProto(DisclosureAudit audit) {
        return org.livecomply.api.identity.v1.DisclosureAudit.newBuilder()
                .setName(audit.name())
                .setDisclosedTo(audit.disclosedTo())
                .setPurpose(DisclosurePurpose.valueOf("DISCLOSURE_PURPOSE_" + audit.purpose().name()))
                .setCaseReference(audit.caseReference())
                .setRoomOperator(RoomOperator.COLLECTION + audit.roomOperatorId())
                .setMarketer(audit.marketerId() == null ? "" : Marketer.COLLECTION + audit.marketerId())
                .setDiscloseTime(ProtoValues.timestamp(audit.discloseTime()))
                .build();
    }
}
