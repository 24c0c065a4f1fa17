package org.livecomply.consumer.grpc;

import org.livecomply.consumer.domain.ComplaintPolicy;

/** The published policy (Art. 20). */
final class PolicyMapper {

    private PolicyMapper() {
    }

    static org.livecomply.api.consumer.v1.ComplaintPolicy toProto(ComplaintPolicy policy) {
        return org.livecomply.api.consumer.v1.ComplaintPolicy.newBuilder()
                .setAcknowledgeWorkingDays(policy.deadlines().acknowledgeDays())
                .setFirstResponseWorkingDays(policy.deadlines().firstResponseDays())
                .setResolveWorkingDays(policy.deadlines().resolveDays())
                .setConsumerWaitPausesClocks(true)
                .setMerchantWaitPausesClocks(policy.deadlines().merchantWaitPauses())
                .setSellerInformationTarget(ProtoValues.duration(policy.sellerInformationTarget()))
                .setReturnWindowDays(policy.returnWindowDays())
                .setRefundDays(policy.refundDays())
                .addAllProcessZh(ComplaintPolicy.PROCESS_ZH)
                .addAllProcessEn(ComplaintPolicy.PROCESS_EN)
                .addAllDisputeRoutesZh(ComplaintPolicy.DISPUTE_ROUTES_ZH)
                .addAllDisputeRoutesEn(ComplaintPolicy.DISPUTE_ROUTES_EN)
                .build();
    }
}
