package org.livecomply.consumer.service;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.consumer.domain.AbuseRule;
import org.livecomply.consumer.domain.ComplaintClocks;
import org.livecomply.consumer.domain.ComplaintNumbers;
import org.livecomply.consumer.domain.ComplaintPolicy;
import org.livecomply.consumer.domain.Deadlines;
import org.livecomply.consumer.domain.ReturnRules;
import org.livecomply.consumer.domain.WorkingTime;

/** The plain domain objects as beans; a policy the law or common sense forbids stops the start. */
@Factory
public class DomainFactory {

    @Singleton
    public ComplaintPolicy complaintPolicy(PolicyConfiguration configuration) {
        try {
            return new ComplaintPolicy(new Deadlines(configuration.getAcknowledgeWorkingDays(), configuration.getFirstResponseWorkingDays(),
                    configuration.getResolveWorkingDays(), configuration.isMerchantWaitPausesClocks()),
                    configuration.getSellerInformationTarget(), configuration.getReturnWindowDays(), configuration.getRefundDays(),
                    configuration.getAdvanceCompensationLimitFen());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("livecomply.consumer.policy: " + e.getMessage());
        }
    }

    @Singleton
    public AbuseRule abuseRule(AbuseConfiguration configuration) {
        try {
            return new AbuseRule(configuration.isEnabled(), configuration.getRepeatLimit(), configuration.getRepeatWindow(),
                    configuration.getDuplicateWindow());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("livecomply.consumer.abuse: " + e.getMessage());
        }
    }

    @Singleton
    public ComplaintClocks complaintClocks(WorkingDayCalendar calendar) {
        return new ComplaintClocks(new WorkingTime(calendar));
    }

    @Singleton
    public ReturnRules returnRules(ComplaintPolicy policy) {
        return new ReturnRules(policy.returnWindowDays(), policy.refundDays());
    }

    @Singleton
    public ComplaintNumbers complaintNumbers() {
        return new ComplaintNumbers();
    }
}
