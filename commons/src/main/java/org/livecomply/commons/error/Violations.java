package org.livecomply.commons.error;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every bad field of a request, so the caller learns all of them in one INVALID_ARGUMENT. */
public final class Violations {

    private final List<FieldViolation> violations = new ArrayList<>();

    /**
     * Text of {@code min..max} Unicode characters (min 0 means optional) without control characters.
     * A null value counts as empty.
     */
    public Violations text(String field, String value, int min, int max) {
        String text = value == null ? "" : value;
        int length = text.codePointCount(0, text.length());
        if (length == 0 && min > 0) {
            return add(field, field + " is required");
        }
        if (length < min || length > max) {
            return add(field, field + " must be " + min + ".." + max + " characters, not " + length);
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            return add(field, field + " must not contain control characters");
        }
        if (!text.equals(text.strip())) {
            return add(field, field + " must not start or end with whitespace");
        }
        return this;
    }

    /** A non-empty value must match {@code pattern}; an empty one is left to {@link #text}. */
    public Violations matches(String field, String value, Pattern pattern, String expectation) {
        if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
            add(field, field + " must be " + expectation);
        }
        return this;
    }

    public Violations when(boolean bad, String field, String description) {
        return bad ? add(field, description) : this;
    }

    public Violations add(String field, String description) {
        violations.add(new FieldViolation(field, description));
        return this;
    }

    public Violations addAll(List<FieldViolation> more) {
        violations.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(violations);
    }

    /** INVALID_ARGUMENT with every collected violation, if there is any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }
}
