package org.livecomply.consumer.grpc;

import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;
import org.livecomply.consumer.domain.Complaint;
import org.livecomply.consumer.domain.ComplaintNumbers;

/** Checks shared by the endpoints: request ids and resource names. */
final class Requests {

    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final Pattern SETTLEMENT = Pattern.compile(Complaint.COLLECTION + "(" + ComplaintNumbers.NUMBER.pattern() + ")/settlements/("
            + org.livecomply.consumer.domain.Identifiers.UUID + ")");

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

    /** The number in {@code complaints/{number}/advanceCompensation}, or null with a violation on {@code field}. */
    static String compensationNumber(String name, String field, Violations violations) {
        String suffix = org.livecomply.consumer.domain.AdvanceCompensation.SUFFIX;
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required");
            return null;
        }
        String number = name.startsWith(Complaint.COLLECTION) && name.endsWith(suffix)
                ? name.substring(Complaint.COLLECTION.length(), name.length() - suffix.length()) : "";
        if (name.length() > 100 || !ComplaintNumbers.isNumber(number)) {
            violations.add(field, field + " must be complaints/{number}/advanceCompensation");
            return null;
        }
        return number;
    }

    /** A settlement's name: the complaint number and settlement id of {@code complaints/{number}/settlements/{uuid}}, or null with a violation. */
    static String[] settlement(String name, String field, Violations violations) {
        if (name == null || name.isEmpty()) {
            violations.add(field, field + " is required");
            return null;
        }
        java.util.regex.Matcher parts = SETTLEMENT.matcher(name);
        if (name.length() > 120 || !parts.matches()) {
            violations.add(field, field + " must be complaints/{number}/settlements/{uuid}");
            return null;
        }
        return new String[] {parts.group(1), parts.group(2)};
    }

    /** Free text of {@code min..max} characters; line breaks allowed. */
    static void text(Violations violations, String field, String value, int min, int max) {
        org.livecomply.consumer.domain.Texts.check(violations, field, value, min, max);
    }
}
