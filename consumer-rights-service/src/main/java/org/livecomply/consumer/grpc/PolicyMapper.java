package org.livecomply.consumer.grpc;

import org.livecomply.consumer.domain.AbuseRule;
import org.livecomply.consumer.domain.ComplaintPolicy;

/** The published policy (Art. 20), with the abuse rule (Art. 20 ¶1), the advance-compensation limit (Art. 5) and the ODR rules (ECL Art. 63). */
final class PolicyMapper {

    private PolicyMapper() {
    }

    static org.livecomply.api.consumer.v1.ComplaintPolicy toProto(ComplaintPolicy policy, AbuseRule abuse) {
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
                .setAbuseCheckEnabled(abuse.enabled())
                .setAbuseRepeatLimit(abuse.repeatLimit())
                .setAbuseRepeatWindow(ProtoValues.duration(abuse.repeatWindow()))
                .setAbuseDuplicateWindow(ProtoValues.duration(abuse.duplicateWindow()))
                .setAdvanceCompensationLimit(MoneyValues.money(policy.advanceCompensationLimitFen()))
                .addAllOnlineDisputeResolutionZh(ComplaintPolicy.ONLINE_DISPUTE_RESOLUTION_ZH)
                .addAllOnlineDisputeResolutionEn(ComplaintPolicy.ONLINE_DISPUTE_RESOLUTION_EN)
                .build();
    }
}
