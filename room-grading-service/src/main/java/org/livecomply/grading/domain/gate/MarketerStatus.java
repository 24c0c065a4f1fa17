package org.livecomply.grading.domain.gate;

import java.time.LocalDate;

/**
 * What identity-service says about a marketer; {@code state} null when not registered.
 * {@code verificationCurrent}: the last identity check is within the platform's re-check period (Art. 8 ¶3);
 * {@code blacklisted}: identity holds an active blacklist entry for the marketer's identity (Art. 14).
 */
public record MarketerStatus(String name, State state, LocalDate birthDate, boolean guardianConsent, boolean verificationCurrent,
                             boolean blacklisted) {

    /** identity-service's marketer states (Art. 8 ¶3). */
    public enum State { PENDING_VERIFICATION, VERIFIED, VERIFICATION_FAILED, SUSPENDED }
}
