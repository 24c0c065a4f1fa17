package org.livecomply.consumer.domain;

import org.livecomply.commons.error.RuleViolation;
import org.livecomply.commons.error.RuleViolationException;

/**
 * Art. 20 ¶3: a verified complaint counts against its live room, so a substantiated resolution needs one: the room
 * the complaint names, or the one the resolution names for a complaint that names none (a consumer on the public
 * intake cannot name it). A room once named is never replaced by another.
 */
public final class VerifiedComplaintRoom {

    public static final String ARTICLE = "Art. 20 ¶3";
    public static final String NOT_NAMED = "ROOM_NOT_NAMED";
    public static final String ALREADY_NAMED = "ROOM_ALREADY_NAMED";

    private VerifiedComplaintRoom() {
    }

    /**
     * The complaint's room once resolved: {@code named} (the complaint's, or null), else {@code given} (the
     * resolution's, or null); refused when {@code given} would replace another room, or when a substantiated
     * resolution would leave the complaint without one.
     */
    public static String atResolution(String complaintName, String named, String given, boolean substantiated) {
        if (named != null && given != null && !named.equals(given)) {
            throw new RuleViolationException(new RuleViolation(ALREADY_NAMED, ARTICLE, complaintName,
                    "the complaint already names " + named + ", not " + given + "; its room is not replaced"));
        }
        String room = named != null ? named : given;
        if (substantiated && room == null) {
            throw new RuleViolationException(new RuleViolation(NOT_NAMED, ARTICLE, complaintName,
                    "a substantiated complaint is a verified complaint that counts against its room; the complaint names no room:"
                            + " give room (rooms/{room})"));
        }
        return room;
    }
}
