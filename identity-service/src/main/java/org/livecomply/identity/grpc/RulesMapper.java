package org.livecomply.identity.grpc;

import com.google.protobuf.Duration;
import org.livecomply.api.identity.v1.IdentityRules;
import org.livecomply.identity.domain.AgeRules;
import org.livecomply.identity.domain.DisclosureChange;
import org.livecomply.identity.domain.GuardianConsent;
import org.livecomply.identity.domain.SessionRoster;
import org.livecomply.identity.domain.UnreachableNotice;
import org.livecomply.identity.domain.VerificationPolicy;

/** The rules in force, as published to platforms. */
final class RulesMapper {

    private RulesMapper() {
    }

    static IdentityRules toProto(VerificationPolicy policy) {
        boolean capped = policy.reverificationPeriod().toTotalMonths() >= VerificationPolicy.LEGAL_MAXIMUM.toTotalMonths();
        return IdentityRules.newBuilder()
                .setReverificationPeriodMonths(capped ? VerificationPolicy.LEGAL_MAXIMUM.getMonths() : (int) policy.reverificationPeriod().toTotalMonths())
                .setReverificationPeriodDays(capped ? 0 : policy.reverificationPeriod().getDays())
                .setReverificationReminderLead(duration(policy.reminderLead()))
                .setMarketerVerificationValidity(duration(policy.marketerValidity()))
                .setMinimumAge(AgeRules.MINIMUM_AGE)
                .setGuardianConsentUntilAge(GuardianConsent.ADULT)
                .setDisclosureReportWorkingDays(DisclosureChange.REPORT_WORKING_DAYS)
                .setDisclosureVerifyWorkingDays(DisclosureChange.VERIFY_WORKING_DAYS)
                .setUnreachableReminderWorkingDays(UnreachableNotice.REMINDER_WORKING_DAYS)
                .setRosterRetentionYears(SessionRoster.RETENTION.getYears())
                .build();
    }

    private static Duration duration(java.time.Duration duration) {
        return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }
}
