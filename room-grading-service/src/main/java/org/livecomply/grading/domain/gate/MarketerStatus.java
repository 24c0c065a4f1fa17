package org.livecomply.grading.domain.gate;

import java.time.LocalDate;

/** What identity-service says about a marketer; {@code state} null when not registered. */
public record MarketerStatus(String name, State state, LocalDate birthDate, boolean guardianConsent) {

    /** identity-service's marketer states (Art. 8 ¶3). */
    public enum State { PENDING_VERIFICATION, VERIFIED, VERIFICATION_FAILED, SUSPENDED }
}
