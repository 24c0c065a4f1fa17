package org.livecomply.identity.domain;

import java.time.Instant;
import java.time.Period;
import java.util.List;

/** The marketers declared for a session (Art. 28). */
public record SessionRoster(String roomOperatorId, String sessionId, List<String> marketerIds, Instant submitTime, Instant retainUntil) {

    /** Art. 28: kept at least 3 years. */
    public static final Period RETENTION = Period.ofYears(3);
    public static final String ARTICLE = "Art. 28";

    public SessionRoster {
        marketerIds = List.copyOf(marketerIds);
    }

    public String name() {
        return RoomOperator.COLLECTION + roomOperatorId + "/sessionRosters/" + sessionId;
    }
}
