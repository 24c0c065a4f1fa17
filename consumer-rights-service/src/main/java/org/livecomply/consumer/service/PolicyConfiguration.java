package org.livecomply.consumer.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code livecomply.consumer.policy.*}: the platform's published complaint deadlines (working days) and
 * targets (Art. 20; platform rules as configuration, LEGAL.md), and the most it pays as advance compensation on
 * one complaint, in fen (Art. 5; ECL Art. 58). Checked at start by {@link org.livecomply.consumer.domain.ComplaintPolicy}.
 */
@ConfigurationProperties("livecomply.consumer.policy")
public class PolicyConfiguration {

    private int acknowledgeWorkingDays = 1;
    private int firstResponseWorkingDays = 3;
    private int resolveWorkingDays = 7;
    private boolean merchantWaitPausesClocks;
    private Duration sellerInformationTarget = Duration.ofHours(24);
    private int returnWindowDays = 7;
    private int refundDays = 7;
    private long advanceCompensationLimitFen = 5_000_000;

    public int getAcknowledgeWorkingDays() {
        return acknowledgeWorkingDays;
    }

    public void setAcknowledgeWorkingDays(int acknowledgeWorkingDays) {
        this.acknowledgeWorkingDays = acknowledgeWorkingDays;
    }

    public int getFirstResponseWorkingDays() {
        return firstResponseWorkingDays;
    }

    public void setFirstResponseWorkingDays(int firstResponseWorkingDays) {
        this.firstResponseWorkingDays = firstResponseWorkingDays;
    }

    public int getResolveWorkingDays() {
        return resolveWorkingDays;
    }

    public void setResolveWorkingDays(int resolveWorkingDays) {
        this.resolveWorkingDays = resolveWorkingDays;
    }

    public boolean isMerchantWaitPausesClocks() {
        return merchantWaitPausesClocks;
    }

    public void setMerchantWaitPausesClocks(boolean merchantWaitPausesClocks) {
        this.merchantWaitPausesClocks = merchantWaitPausesClocks;
    }

    public Duration getSellerInformationTarget() {
        return sellerInformationTarget;
    }

    public void setSellerInformationTarget(Duration sellerInformationTarget) {
        this.sellerInformationTarget = sellerInformationTarget;
    }

    public int getReturnWindowDays() {
        return returnWindowDays;
    }

    public void setReturnWindowDays(int returnWindowDays) {
        this.returnWindowDays = returnWindowDays;
    }

    public int getRefundDays() {
        return refundDays;
    }

    public void setRefundDays(int refundDays) {
        this.refundDays = refundDays;
    }

    public long getAdvanceCompensationLimitFen() {
        return advanceCompensationLimitFen;
    }

    public void setAdvanceCompensationLimitFen(long advanceCompensationLimitFen) {
        this.advanceCompensationLimitFen = advanceCompensationLimitFen;
    }
}
