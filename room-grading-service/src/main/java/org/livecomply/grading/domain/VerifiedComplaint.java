package org.livecomply.grading.domain;

import java.time.Instant;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** A verified consumer complaint about a room (Art. 20 ¶3); {@code recordTime} is null before it is stored. */
public record VerifiedComplaint(String roomId, String complaintId, String summary, Instant verifyTime, Instant recordTime) {

    public static final String COLLECTION = "verifiedComplaints/";
    public static final Pattern COMPLAINT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String PATH = "verified_complaint.";

    public String name() {
        return Room.COLLECTION + roomId + "/" + COLLECTION + complaintId;
    }

    public void check(Violations violations, Instant now) {
        violations.text(PATH + "complaint_id", complaintId, 1, 64)
                .matches(PATH + "complaint_id", complaintId, COMPLAINT_ID, "1..64 of [A-Za-z0-9_.-]")
                .text(PATH + "summary", summary, 1, 500)
                .when(verifyTime == null, PATH + "verify_time", PATH + "verify_time is required")
                .when(verifyTime != null && verifyTime.isAfter(now.plusSeconds(300)), PATH + "verify_time", PATH + "verify_time must not be in the future");
    }

    /** Same complaint, same content: a repeat of the first record. */
    public boolean sameContent(VerifiedComplaint other) {
        return complaintId.equals(other.complaintId) && roomId.equals(other.roomId) && summary.equals(other.summary)
                && verifyTime.equals(other.verifyTime);
    }
}
