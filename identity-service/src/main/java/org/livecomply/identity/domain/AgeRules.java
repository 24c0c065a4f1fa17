package org.livecomply.identity.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.livecomply.commons.error.RuleViolation;

/**
 * Minimum ages (MPL Art. 76; 2021 live-marketing rules Art. 17): nobody under 16 markets or runs a room
 * as a natural person; at 16 and 17 a guardian's consent is needed, and the need ends by itself at 18.
 */
public final class AgeRules {

    public static final int MINIMUM_AGE = 16;
    public static final String ARTICLE = "MPL Art. 76";
    public static final String MARKETER_UNDER_16 = "MARKETER_UNDER_16";
    public static final String GUARDIAN_CONSENT_MISSING = "MARKETER_GUARDIAN_CONSENT_MISSING";

    private AgeRules() {
    }

    public static Optional<RuleViolation> marketerMayRegister(ResidentIdNumber id, LocalDate today, String subject) {
        if (id.ageOn(today) < MINIMUM_AGE) {
            return Optional.of(new RuleViolation(MARKETER_UNDER_16, ARTICLE, subject,
                    "a marketer must be at least " + MINIMUM_AGE + " years old; born " + id.birthDate()));
        }
        return Optional.empty();
    }

    /** Whether a marketer born on {@code birthDate} needs a guardian's consent on {@code today}. */
    public static boolean needsGuardianConsent(LocalDate birthDate, LocalDate today) {
        return java.time.Period.between(birthDate, today).getYears() < GuardianConsent.ADULT;
    }
}
