package org.livecomply.commons.error;

/** One bad request field, by its proto path (e.g. {@code room_operator.uscc}), and what is wrong with it. */
public record FieldViolation(String field, String description) {
}
