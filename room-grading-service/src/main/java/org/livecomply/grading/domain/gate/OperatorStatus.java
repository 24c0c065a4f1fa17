package org.livecomply.grading.domain.gate;

import java.time.Instant;

/** What identity-service says about a room operator; {@code state} null when it is not registered. */
public record OperatorStatus(String name, State state, Instant reverificationDueTime) {

    /** identity-service's room operator states (Art. 8 ¶1). */
    public enum State { PENDING_VERIFICATION, VERIFIED, REVERIFICATION_DUE, REVERIFICATION_OVERDUE, SUSPENDED, VERIFICATION_FAILED }
}
