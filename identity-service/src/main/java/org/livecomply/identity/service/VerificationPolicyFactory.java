package org.livecomply.identity.service;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Period;
import org.livecomply.identity.domain.VerificationPolicy;

/** Platform rules for verification timing, from {@code livecomply.identity.*}; refused at start if unlawful. */
@Factory
public class VerificationPolicyFactory {

    @Singleton
    public VerificationPolicy verificationPolicy(
            @Value("${livecomply.identity.reverification-period:P6M}") String reverificationPeriod,
            @Value("${livecomply.identity.reverification-reminder-lead:P30D}") String reminderLead,
            @Value("${livecomply.identity.marketer-verification-validity:P30D}") String marketerValidity) {
        return new VerificationPolicy(Period.parse(reverificationPeriod), Duration.parse(reminderLead), Duration.parse(marketerValidity));
    }
}
