package org.livecomply.commons.error;

import java.util.List;
import java.util.Map;

/** Malformed, missing, oversized or out-of-range input: INVALID_ARGUMENT with one violation per field. */
public final class InvalidArgumentException extends LiveComplyException {

    public static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";

    private final List<FieldViolation> violations;

    public InvalidArgumentException(String reason, List<FieldViolation> violations) {
        super(reason, describe(violations), Map.of());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid-argument refusal needs at least one field violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidArgumentException(List<FieldViolation> violations) {
        this(INVALID_ARGUMENT, violations);
    }

    public static InvalidArgumentException of(String field, String description) {
        return new InvalidArgumentException(List.of(new FieldViolation(field, description)));
    }

    public static InvalidArgumentException of(String reason, String field, String description) {
        return new InvalidArgumentException(reason, List.of(new FieldViolation(field, description)));
    }

    static final int MESSAGE_VIOLATIONS = 5;

    public List<FieldViolation> violations() {
        return violations;
    }

    /** The first few violations; the BadRequest detail carries them one by one (the message travels in a header). */
    private static String describe(List<FieldViolation> violations) {
        int shown = Math.min(violations.size(), MESSAGE_VIOLATIONS);
        StringBuilder message = new StringBuilder(violations.size() > shown
                ? "Invalid request (" + violations.size() + " problems, the first " + shown + " here): " : "Invalid request: ");
        for (int i = 0; i < shown; i++) {
            FieldViolation violation = violations.get(i);
            message.append(i == 0 ? "" : "; ").append(violation.field()).append(": ").append(violation.description());
        }
        return message.toString();
    }
}
