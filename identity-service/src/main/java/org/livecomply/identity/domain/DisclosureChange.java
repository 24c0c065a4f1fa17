package org.livecomply.identity.domain;

import java.time.Instant;
import java.util.List;

/**
 * A reported change to disclosed information with its two deadlines: the operator's report within 3
 * working days of the change (Art. 25) and the platform's verification within 7 working days of the
 * report (Art. 15).
 */
public record DisclosureChange(
        String roomOperatorId,
        int number,
        List<Field> changedFields,
        String description,
        Instant changeTime,
        Instant reportTime,
        Instant reportDeadline,
        Instant verificationDeadline,
        State state,
        Instant completeTime,
        String completedBy,
        String completionNote) {

    public static final int REPORT_WORKING_DAYS = 3;
    public static final int VERIFY_WORKING_DAYS = 7;

    /** What changed. */
    public enum Field { LEGAL_NAME, BUSINESS_ADDRESS, CONTACT, LICENCES, LIVE_ACCOUNTS, OTHER }

    /** Verification progress. */
    public enum State { PENDING_VERIFICATION, VERIFIED, REJECTED }

    public DisclosureChange {
        changedFields = List.copyOf(changedFields);
    }

    public String name() {
        return RoomOperator.COLLECTION + roomOperatorId + "/disclosureChanges/" + number;
    }

    /** Art. 25: reported at or after the end of the 3rd working day. */
    public boolean reportedLate() {
        return !reportTime.isBefore(reportDeadline);
    }

    /** Art. 15: still pending at or after the deadline, or completed after it. */
    public boolean verificationOverdue(Instant now) {
        Instant reference = state == State.PENDING_VERIFICATION ? now : completeTime;
        return !reference.isBefore(verificationDeadline);
    }
}
