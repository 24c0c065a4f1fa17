package org.livecomply.consumer.domain;

import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** The shapes of the identifiers a complaint refers to, and their checks. */
public final class Identifiers {

    /** The archive's order, room and buyer ids: [A-Za-z0-9_.:-]. */
    public static final Pattern ARCHIVE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    public static final Pattern BUYER_REF = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    public static final Pattern ROOM = Pattern.compile("rooms/" + UUID);
    public static final Pattern ROOM_OPERATOR = Pattern.compile("roomOperators/" + UUID);
    public static final Pattern MARKETER = Pattern.compile("marketers/" + UUID);
    public static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");

    private Identifiers() {
    }

    /** An optional value that must match {@code pattern} when present. */
    public static void optional(Violations violations, String field, String value, Pattern pattern, String expectation) {
        if (value != null && !value.isEmpty() && (value.length() > 300 || !pattern.matcher(value).matches())) {
            violations.add(field, field + " must be " + expectation);
        }
    }

    /** A required value that must match {@code pattern}. */
    public static void required(Violations violations, String field, String value, Pattern pattern, String expectation) {
        if (value == null || value.isEmpty()) {
            violations.add(field, field + " is required");
        } else {
            optional(violations, field, value, pattern, expectation);
        }
    }
}
