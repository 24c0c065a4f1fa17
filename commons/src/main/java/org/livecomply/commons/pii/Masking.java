package org.livecomply.commons.pii;

/** How personal data are shown to callers without the PII scope. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first 4 and last 4 characters: {@code 110105199001011234 → 1101**********1234}. */
    public static String idNumber(String value) {
        return keepEnds(value, 4, 4);
    }

    /** Keeps the first 3 and last 4 digits: {@code 13812345678 → 138****5678}. */
    public static String phone(String value) {
        return keepEnds(value, 3, 4);
    }

    /** Keeps the first character of the local part and the domain: {@code zhang@example.cn → z***@example.cn}. */
    public static String email(String value) {
        int at = value.indexOf('@');
        if (at <= 0) {
            return keepEnds(value, 1, 0);
        }
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** Keeps the first 2 characters of free text such as a street line: {@code 文三路100号 → 文三****}. */
    public static String text(String value) {
        return value.isEmpty() ? value : value.substring(0, Math.min(2, value.length())) + "****";
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
