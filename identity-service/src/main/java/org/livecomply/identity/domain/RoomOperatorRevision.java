package org.livecomply.identity.domain;

import java.time.Instant;
import java.util.List;

/** An earlier version of a room operator, kept when it was updated (Art. 8 ¶1). */
public record RoomOperatorRevision(String roomOperatorId, int number, List<RoomOperatorUpdate.Field> changedFields, RoomOperator previous,
                                   String updatedBy, Instant updateTime) {

    public RoomOperatorRevision {
        changedFields = List.copyOf(changedFields);
    }

    public String name() {
        return RoomOperator.COLLECTION + roomOperatorId + "/revisions/" + number;
    }
}
