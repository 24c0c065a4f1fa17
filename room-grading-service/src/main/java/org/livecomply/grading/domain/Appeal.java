package org.livecomply.grading.domain;

import java.time.Instant;
import java.util.List;

/** An appeal against a disposal and its review (Art. 14). Decision fields are null while pending. */
public record Appeal(String id, String roomId, String disposalId, String statement, List<Evidence> evidence, State state, String filedBy,
                     Instant fileTime, String decisionReason, String decidedBy, Instant decideTime, String resultNotice) {

    public static final String COLLECTION = "appeals/";

    /** Review lifecycle. */
    public enum State { PENDING, UPHELD, OVERTURNED }

    public Appeal {
        evidence = List.copyOf(evidence);
    }

    public String name() {
        return Room.COLLECTION + roomId + "/" + Disposal.COLLECTION + disposalId + "/" + COLLECTION + id;
    }
}
