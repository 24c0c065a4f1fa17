package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What identity knows of one session's people at {@code readTime}, for room-grading's go-live gate
 * (Arts. 8, 14, 28; MPL Art. 76). Facts only: the gate applies its rules to them.
 *
 * @param rosterMarketers the submitted roster's marketer ids; null when no roster was submitted
 * @param marketers one per requested marketer, in the order requested
 */
public record GoLiveFacts(OperatorFacts operator, List<String> rosterMarketers, List<MarketerFacts> marketers, Instant readTime) {

    /** @param state null when no room operator of that id is registered */
    public record OperatorFacts(String id, RoomOperatorState state, Instant reverificationDueTime, boolean blacklisted) {
    }

    /** @param state null when no marketer of that id is registered */
    public record MarketerFacts(String id, MarketerState state, LocalDate birthDate, boolean guardianConsent, boolean verificationCurrent,
                                boolean blacklisted) {
    }
}
