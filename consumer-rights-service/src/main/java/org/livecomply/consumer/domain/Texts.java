package org.livecomply.consumer.domain;

import org.livecomply.commons.error.Violations;

/** Free text written by people (descriptions, notes, reasons): line breaks and tabs allowed, other control characters not. */
public final class Texts {

    private Texts() {
    }

    /** {@code min..max} Unicode characters (min 0: optional), no control characters but LF, CR and TAB, no surrounding whitespace. */
    public static void check(Violations violations, String field, String value, int min, int max) {
        String text = value == null ? "" : value;
        int length = text.codePointCount(0, text.length());
        if (length == 0 && min > 0) {
            violations.add(field, field + " is required");
        } else if (length < min || length > max) {
            violations.add(field, field + " must be " + min + ".." + max + " characters, not " + length);
        } else if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            violations.add(field, field + " must not contain control characters");
        } else if (!text.equals(text.strip())) {
            violations.add(field, field + " must not start or end with whitespace");
        }
    }
}
