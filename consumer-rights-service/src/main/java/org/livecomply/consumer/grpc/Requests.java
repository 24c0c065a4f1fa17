package org.livecomply.consumer.grpc;

import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintNumbers;

/** Checks shared by the endpoints: request ids and resource names. */
final class Requests {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Requests() {
    }

    static Violations requestId(String requestId) {
        return new Violations().text("request_id", requestId, 1, 64).matches("request_id", requestId, REQUEST_ID, "1..64 of [A-Za-z0-9_-]");
    }

    /** The number in {@code complaints/{number}}, or null with a violation on {@code field}. */
    static String complaintNumber(String name, String field, Violations violations) {
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required");
            return null;
        }
        String number = name.startsWith(Complaint.COLLECTION) ? name.substring(Complaint.COLLECTION.length()) : "";
        if (name.length() > 100 || !ComplaintNumbers.isNumber(number)) {
            violations.add(field, field + " must be complaints/{number}, e.g. complaints/C20261129-7KQ4XP");
            return null;
        }
        return number;
    }

    /** Free text of {@code min..max} characters; line breaks allowed. */
    static void text(Violations violations, String field, String value, int min, int max) {
        org.livecomply.consumer.domain.Texts.check(violations, field, value, min, max);
    }
}
