package org.livecomply.grading.domain.gate;

import java.time.Instant;

/**
 * What identity-service says about a room operator; {@code state} null when it is not registered.
 * {@code blacklisted}: identity holds an active blacklist entry for the operator's identity (Art. 14).
 */
public record OperatorStatus(String name, State state, Instant reverificationDueTime, boolean blacklisted) {

    /** identity-service's room operator states (Art. 8 ¶1). */
    public enum State { PENDING_VERIFICATION, VERIFIED, REVERIFICATION_DUE, REVERIFICATION_OVERDUE, SUSPENDED, VERIFICATION_FAILED }
}
