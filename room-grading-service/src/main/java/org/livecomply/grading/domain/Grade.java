package org.livecomply.grading.domain;

import java.time.Instant;
import org.livecomply.grading.domain.rules.GradeResult;

/** One stored evaluation of a room: its number in the room's history, the result and the ruleset applied. */
public record Grade(String roomId, int number, GradeResult result, int rulesetVersion, Instant evaluateTime) {

    public static final String COLLECTION = "grades/";

    public String name() {
        return Room.COLLECTION + roomId + "/" + COLLECTION + number;
    }
}
