package org.livecomply.grading.domain;

import java.time.Instant;
import java.util.List;

/** A recorded violation of a red line (Arts. 30–37). {@code disposalId} is null while no disposal dealt with it. */
public record Violation(String id, String roomId, RedLine redLine, Severity severity, ViolationSource source, String description,
                        String sessionId, String marketer, List<Evidence> evidence, Instant occurTime, String regulatorReference,
                        String disposalId, Instant disposalDueTime, String recordedBy, Instant recordTime) {

    public static final String COLLECTION = "violations/";

    public Violation {
        evidence = List.copyOf(evidence);
    }

    public String name() {
        return Room.COLLECTION + roomId + "/" + COLLECTION + id;
    }

    public boolean duringSession() {
        return sessionId != null;
    }
}
