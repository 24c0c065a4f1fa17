package org.livecomply.consumer.grpc;

import org.livecomply.api.consumer.v1.ClueExport;
import org.livecomply.api.consumer.v1.RegulatorClue;
import org.livecomply.api.consumer.v1.ReturnEligibility;
import org.livecomply.api.consumer.v1.ReturnException;
import org.livecomply.api.consumer.v1.SellerInformationDisclosure;
import org.livecomply.consumer.domain.SellerInformationAudit;
import org.livecomply.consumer.service.SellerInformationService;

/** Regulator clues, seller information, return eligibility and clue exports to proto. */
final class OtherMappers {

    private OtherMappers() {
    }

    static RegulatorClue clue(org.livecomply.consumer.domain.RegulatorClue clue) {
        return RegulatorClue.newBuilder()
                .setName(clue.name())
                .setComplaint(org.livecomply.consumer.domain.Complaint.COLLECTION + clue.complaintNumber())
                .setRegulator(clue.regulator())
                .setReasons(clue.reasons())
                .setCategory(ProtoValues.proto(clue.category(), "CATEGORY_", org.livecomply.api.consumer.v1.Category.class))
                .setOrderId(clue.orderId())
                .setRoom(clue.room())
                .setRoomOperator(clue.roomOperator())
                .setMarketer(clue.marketer())
                .setEscalatedBy(clue.escalatedBy())
                .setCreateTime(ProtoValues.timestamp(clue.createTime()))
                .build();
    }

    static SellerInformationDisclosure disclosure(SellerInformationService.Disclosure disclosure) {
        SellerInformationDisclosure.Builder proto = audit(disclosure.audit()).toBuilder().setSeller(disclosure.seller());
        if (disclosure.orderEvidence() != null) {
            proto.setOrderEvidence(disclosure.orderEvidence());
        }
        return proto.build();
    }

    static SellerInformationDisclosure audit(SellerInformationAudit audit) {
        return SellerInformationDisclosure.newBuilder()
                .setName(audit.name())
                .setComplaint(org.livecomply.consumer.domain.Complaint.COLLECTION + audit.complaintNumber())
                .setRequestedBy(audit.requestedBy())
                .setRequestTime(ProtoValues.timestamp(audit.requestTime()))
                .setAnswerTime(ProtoValues.timestamp(audit.answerTime()))
                .setTargetTime(ProtoValues.timestamp(audit.targetTime()))
                .setWithinTarget(audit.withinTarget())
                .setAnswerDuration(ProtoValues.duration(audit.answerDuration()))
                .setIdentityDisclosureAudit(audit.identityDisclosureAudit())
                .setRoomOperator(audit.roomOperator())
                .setMarketer(audit.marketer())
                .addAllRecords(audit.records())
                .setCheckpointTreeSize(audit.checkpointTreeSize())
                .build();
    }

    static ReturnEligibility eligibility(org.livecomply.consumer.domain.ReturnEligibility eligibility) {
        ReturnEligibility.Builder proto = ReturnEligibility.newBuilder()
                .setOrderId(eligibility.orderId())
                .setVerdict(ProtoValues.proto(eligibility.verdict(), "VERDICT_", ReturnEligibility.Verdict.class))
                .setRefunded(eligibility.refunded())
                .setCheckTime(ProtoValues.timestamp(eligibility.checkTime()))
                .addAllRecords(eligibility.records());
        eligibility.exceptions().forEach(e -> proto.addExceptions(ProtoValues.proto(e, "RETURN_EXCEPTION_", ReturnException.class)));
        ProtoValues.setIfPresent(eligibility.receiptTime(), proto::setReceiptTime);
        ProtoValues.setIfPresent(eligibility.windowEndTime(), proto::setWindowEndTime);
        ProtoValues.setIfPresent(eligibility.returnReceiveTime(), proto::setReturnReceiveTime);
        ProtoValues.setIfPresent(eligibility.refundDueTime(), proto::setRefundDueTime);
        return proto.build();
    }

    static ClueExport export(org.livecomply.consumer.domain.report.ClueExport export) {
        return ClueExport.newBuilder()
                .setName(export.name())
                .setExportedBy(export.exportedBy())
                .setStartTime(ProtoValues.timestamp(export.startTime()))
                .setEndTime(ProtoValues.timestamp(export.endTime()))
                .setFormat(ProtoValues.proto(export.format(), "REPORT_FORMAT_", org.livecomply.api.consumer.v1.ReportFormat.class))
                .setClueCount(export.clueCount())
                .setExportTime(ProtoValues.timestamp(export.exportTime()))
                .build();
    }
}
