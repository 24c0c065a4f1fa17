package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.livecomply.commons.error.RuleViolation;

/**
 * Who may appear in a session (Art. 28 with Arts. 8, 14; MPL Art. 76): a verified room operator within
 * its re-verification period, and marketers who are registered, verified recently enough, not
 * blacklisted, and, at 16 or 17, covered by a guardian's consent. Every failing reason is reported.
 */
public final class RosterRules {

    public static final String ROOM_OPERATOR_NOT_VERIFIED = "ROOM_OPERATOR_NOT_VERIFIED";
    public static final String REVERIFICATION_OVERDUE = "REVERIFICATION_OVERDUE";
    public static final String ROOM_OPERATOR_SUSPENDED = "ROOM_OPERATOR_SUSPENDED";
    public static final String ROOM_OPERATOR_BLACKLISTED = "ROOM_OPERATOR_BLACKLISTED";
    public static final String MARKETER_NOT_REGISTERED = "MARKETER_NOT_REGISTERED";
    public static final String MARKETER_NOT_VERIFIED = "MARKETER_NOT_VERIFIED";
    public static final String MARKETER_VERIFICATION_STALE = "MARKETER_VERIFICATION_STALE";
    public static final String MARKETER_SUSPENDED = "MARKETER_SUSPENDED";
    public static final String MARKETER_BLACKLISTED = "MARKETER_BLACKLISTED";

    private RosterRules() {
    }

    public static List<RuleViolation> roomOperator(RoomOperator operator, boolean blacklisted) {
        List<RuleViolation> violations = new ArrayList<>();
        String subject = operator.name();
        switch (operator.state()) {
            case PENDING_VERIFICATION, VERIFICATION_FAILED -> violations.add(new RuleViolation(ROOM_OPERATOR_NOT_VERIFIED, "Art. 8 ¶1",
                    subject, "the room operator's identity is not verified (state " + operator.state() + ")"));
            case REVERIFICATION_OVERDUE -> violations.add(new RuleViolation(REVERIFICATION_OVERDUE, "Art. 8 ¶1", subject,
                    "re-verification was due by " + operator.reverificationDueTime()));
            case SUSPENDED -> violations.add(new RuleViolation(ROOM_OPERATOR_SUSPENDED, "Art. 12 ¶1", subject, "the room operator is suspended"));
            default -> { }
        }
        if (blacklisted) {
            violations.add(new RuleViolation(ROOM_OPERATOR_BLACKLISTED, BlacklistEntry.ARTICLE, subject, "the room operator's identity is blacklisted"));
        }
        return violations;
    }

    /**
     * @param marketer null when no marketer of that name is registered
     */
    public static List<RuleViolation> marketer(String name, Marketer marketer, Set<String> blacklistedIds, VerificationPolicy policy,
                                               Instant now, LocalDate today) {
        if (marketer == null) {
            return List.of(new RuleViolation(MARKETER_NOT_REGISTERED, "Art. 8 ¶2", name,
                    "the marketer's identity must be registered before the first session"));
        }
        List<RuleViolation> violations = new ArrayList<>();
        switch (marketer.state()) {
            case PENDING_VERIFICATION, VERIFICATION_FAILED -> violations.add(new RuleViolation(MARKETER_NOT_VERIFIED, "Art. 8 ¶3", name,
                    "the marketer's identity is not verified (state " + marketer.state() + ")"));
            case SUSPENDED -> violations.add(new RuleViolation(MARKETER_SUSPENDED, "Art. 12 ¶1", name, "the marketer is suspended"));
            case VERIFIED -> {
                if (!policy.marketerCheckCurrent(marketer.lastVerifyTime(), now)) {
                    violations.add(new RuleViolation(MARKETER_VERIFICATION_STALE, "Art. 8 ¶3", name,
                            "the last identity check (" + marketer.lastVerifyTime() + ") is older than " + policy.marketerValidity().toDays()
                                    + " days: verify again"));
                }
            }
        }
        if (blacklistedIds.contains(marketer.id())) {
            violations.add(new RuleViolation(MARKETER_BLACKLISTED, BlacklistEntry.ARTICLE, name, "the marketer's identity is blacklisted"));
        }
        if (AgeRules.needsGuardianConsent(marketer.birthDate(), today) && marketer.guardianConsent().isEmpty()) {
            violations.add(new RuleViolation(AgeRules.GUARDIAN_CONSENT_MISSING, AgeRules.ARTICLE, name,
                    "a marketer aged 16 or 17 needs a guardian's consent on record"));
        }
        return violations;
    }
}
