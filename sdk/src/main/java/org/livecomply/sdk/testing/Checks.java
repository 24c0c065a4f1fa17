package org.livecomply.sdk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every bad field of a request, as the services do, so one INVALID_ARGUMENT names all of them
 * (a BadRequest with one field violation per field, in the order the service checks them).
 */
final class Checks {

    /** A request id: 1..64 of [A-Za-z0-9_-]. */
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final String domain;
    private final List<Refusals.FieldViolation> violations = new ArrayList<>();

    Checks(String domain) {
        this.domain = domain;
    }

    /** Checks of a mutating request: its request_id first. */
    static Checks withRequestId(String domain, String requestId) {
        return new Checks(domain).text("request_id", requestId, 1, 64)
                .matches("request_id", requestId, REQUEST_ID, "1..64 of [A-Za-z0-9_-]");
    }

    /** Text of {@code min..max} code points (min 0: optional), no control characters, no surrounding whitespace. */
    Checks text(String field, String value, int min, int max) {
        return text(field, value, min, max, false);
    }

    /** As {@link #text}, but line breaks and tabs are allowed (descriptions, notes, reasons written by people). */
    Checks freeText(String field, String value, int min, int max) {
        return text(field, value, min, max, true);
    }

    private Checks text(String field, String value, int min, int max, boolean lines) {
        String text = value == null ? "" : value;
        int length = text.codePointCount(0, text.length());
        if (length == 0 && min > 0) {
            return add(field, field + " is required");
        }
        if (length < min || length > max) {
            return add(field, field + " must be " + min + ".." + max + " characters, not " + length);
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')))) {
            return add(field, field + " must not contain control characters");
        }
        if (!text.equals(text.strip())) {
            return add(field, field + " must not start or end with whitespace");
        }
        return this;
    }

    /** A non-empty value must match {@code pattern}; an empty one is left to {@link #text}. */
    Checks matches(String field, String value, Pattern pattern, String expectation) {
        if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
            add(field, field + " must be " + expectation);
        }
        return this;
    }

    Checks when(boolean bad, String field, String description) {
        return bad ? add(field, description) : this;
    }

    Checks add(String field, String description) {
        violations.add(new Refusals.FieldViolation(field, description));
        return this;
    }

    /** AIP-158 page size: 0 is the default, above the maximum is coerced down, negative is refused. */
    Checks checkPageSize(int pageSize) {
        return when(pageSize < 0, "page_size", "page_size must not be negative");
    }

    int count() {
        return violations.size();
    }

    /** INVALID_ARGUMENT with every collected violation, if there is any. */
    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw Refusals.invalid(domain, Refusals.INVALID_ARGUMENT, violations);
        }
    }

    /** The id in {@code collection + uuid}, or null with a violation on {@code field} (identity's and training's names). */
    String id(String name, String collection, String field) {
        if (name == null || name.isEmpty()) {
            add(field, field + " is required");
            return null;
        }
        if (name.length() > 100 || !name.startsWith(collection) || !name.substring(collection.length()).matches(UUID)) {
            add(field, field + " must be " + collection + "{uuid}");
            return null;
        }
        return name.substring(collection.length());
    }

    /** The page size a List call uses. */
    static int pageSize(int requested) {
        return requested == 0 ? 50 : Math.min(requested, 200);
    }
}
