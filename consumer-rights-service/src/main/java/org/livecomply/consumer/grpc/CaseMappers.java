package org.livecomply.consumer.grpc;

import org.livecomply.api.consumer.v1.AdvanceCompensation;
import org.livecomply.api.consumer.v1.AssessedItem;
import org.livecomply.api.consumer.v1.CompensationRecovery;
import org.livecomply.api.consumer.v1.RemedyAssessment;
import org.livecomply.api.consumer.v1.Settlement;
import org.livecomply.api.consumer.v1.SettlementAnswer;

/** Advance compensation, settlements and remedy assessments to proto. */
final class CaseMappers {

    private CaseMappers() {
    }

    static AdvanceCompensation compensation(org.livecomply.consumer.domain.AdvanceCompensation compensation) {
        AdvanceCompensation.Builder proto = AdvanceCompensation.newBuilder()
                .setName(compensation.name())
                .setAmount(MoneyValues.money(compensation.amountFen()))
                .setPayer(ProtoValues.proto(compensation.payer(), "PAYER_", AdvanceCompensation.Payer.class))
                .setPaymentRef(compensation.paymentRef())
                .setPayTime(ProtoValues.timestamp(compensation.payTime()))
                .setReason(compensation.reason())
                .setMerchant(compensation.merchant())
                .setRecordedBy(compensation.recordedBy())
                .setRecordTime(ProtoValues.timestamp(compensation.recordTime()))
                .setRecoveryState(ProtoValues.proto(compensation.recoveryState(), "RECOVERY_STATE_", AdvanceCompensation.RecoveryState.class))
                .setRecoveredAmount(MoneyValues.money(compensation.recoveredFen()))
                .setWriteOffReason(compensation.writeOffReason());
        compensation.recoveries().forEach(r -> proto.addRecoveries(CompensationRecovery.newBuilder()
                .setAmount(MoneyValues.money(r.amountFen()))
                .setReference(r.reference())
                .setRecoverTime(ProtoValues.timestamp(r.recoverTime()))
                .setRecordedBy(r.recordedBy())
                .setRecordTime(ProtoValues.timestamp(r.recordTime()))));
        return proto.build();
    }

    static Settlement settlement(org.livecomply.consumer.domain.Settlement settlement) {
        Settlement.Builder proto = Settlement.newBuilder()
                .setName(settlement.name())
                .setTerms(settlement.terms())
                .setState(ProtoValues.proto(settlement.state(), "STATE_", Settlement.State.class))
                .setMerchant(settlement.merchant())
                .setProposedBy(settlement.proposedBy())
                .setProposeTime(ProtoValues.timestamp(settlement.proposeTime()));
        if (settlement.amountFen() != null) {
            proto.setAmount(MoneyValues.money(settlement.amountFen()));
        }
        if (settlement.consumerAnswer() != null) {
            proto.setConsumerAnswer(answer(settlement.consumerAnswer()));
        }
        if (settlement.merchantAnswer() != null) {
            proto.setMerchantAnswer(answer(settlement.merchantAnswer()));
        }
        ProtoValues.setIfPresent(settlement.closeTime(), proto::setCloseTime);
        return proto.build();
    }

    static RemedyAssessment assessment(org.livecomply.consumer.domain.RemedyAssessment assessment) {
        RemedyAssessment.Builder proto = RemedyAssessment.newBuilder()
                .setOrderId(assessment.orderId())
                .setClaim(ProtoValues.proto(assessment.claim(), "CLAIM_TYPE_", org.livecomply.api.consumer.v1.ClaimType.class))
                .setPricePaid(MoneyValues.money(assessment.pricePaidFen()))
                .setRefund(MoneyValues.money(assessment.refundFen()))
                .setPunitiveDamages(MoneyValues.money(assessment.punitiveFen()))
                .setPunitiveBasis(assessment.punitiveBasis())
                .setMinimumApplied(assessment.minimumApplied())
                .setTotal(MoneyValues.money(assessment.totalFen()))
                .setSellerPaysShipping(assessment.sellerPaysShipping())
                .setArticle(assessment.article())
                .setLegalBasisZh(assessment.legalBasisZh())
                .setLegalBasisEn(assessment.legalBasisEn())
                .addAllRecords(assessment.records())
                .setAssessTime(ProtoValues.timestamp(assessment.assessTime()));
        assessment.items().forEach(line -> proto.addItems(AssessedItem.newBuilder()
                .setSku(line.sku())
                .setTitle(line.title())
                .setQuantity(line.quantity())
                .setChargedPrice(MoneyValues.money(line.chargedFen()))
                .setLineTotal(MoneyValues.money(line.lineTotalFen()))));
        assessment.remedies().forEach(remedy -> proto.addRemedies(ProtoValues.proto(remedy, "REMEDY_", org.livecomply.api.consumer.v1.Remedy.class)));
        ProtoValues.setIfPresent(assessment.receiptTime(), proto::setReceiptTime);
        ProtoValues.setIfPresent(assessment.returnDeadline(), proto::setReturnDeadlineTime);
        return proto.build();
    }

    private static SettlementAnswer answer(org.livecomply.consumer.domain.Settlement.Answer answer) {
        return SettlementAnswer.newBuilder()
                .setDecision(ProtoValues.proto(answer.decision(), "DECISION_", SettlementAnswer.Decision.class))
                .setNote(answer.note())
                .setRecordedBy(answer.recordedBy())
                .setAnswerTime(ProtoValues.timestamp(answer.answerTime()))
                .build();
    }
}
