package org.livecomply.consumer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/** Art. 20 ¶3: the room a resolved complaint counts against, in every combination of named, given and substantiated. */
class VerifiedComplaintRoomTest {

    private static final String COMPLAINT = "complaints/C20261129-AAAAAA";
    private static final String ROOM = "rooms/5b0e3a62-8f0c-4d55-9d2c-2a8f6f1b7c11";
    private static final String OTHER = "rooms/0c6f2a1e-5d3b-4e7a-9f10-3b2c1d4e5f60";

    private static RuleViolation refusal(String named, String given, boolean substantiated) {
        return assertThrows(RuleViolationException.class, () -> VerifiedComplaintRoom.atResolution(COMPLAINT, named, given, substantiated))
                .violations().get(0);
    }

    @Test
    void theComplaintsRoomOrElseTheGivenOneIsTheRoom() {
        assertEquals(ROOM, VerifiedComplaintRoom.atResolution(COMPLAINT, ROOM, null, true));
        assertEquals(ROOM, VerifiedComplaintRoom.atResolution(COMPLAINT, ROOM, ROOM, true));
        assertEquals(ROOM, VerifiedComplaintRoom.atResolution(COMPLAINT, null, ROOM, true));
        assertEquals(ROOM, VerifiedComplaintRoom.atResolution(COMPLAINT, null, ROOM, false));
        assertNull(VerifiedComplaintRoom.atResolution(COMPLAINT, null, null, false), "an unsubstantiated resolution needs no room");
    }

    @Test
    void aVerifiedComplaintWithoutARoomIsRefused() {
        RuleViolation refused = refusal(null, null, true);
        assertEquals(VerifiedComplaintRoom.NOT_NAMED, refused.reason());
        assertEquals("Art. 20 ¶3", refused.article());
        assertEquals(COMPLAINT, refused.subject());
    }

    @Test
    void theComplaintsRoomIsNeverReplaced() {
        for (boolean substantiated : new boolean[] {true, false}) {
            RuleViolation refused = refusal(ROOM, OTHER, substantiated);
            assertEquals(VerifiedComplaintRoom.ALREADY_NAMED, refused.reason());
            assertEquals("the complaint already names " + ROOM + ", not " + OTHER + "; its room is not replaced", refused.description());
        }
    }
}
