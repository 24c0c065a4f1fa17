package org.livecomply.training.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;

/**
 * Certificate ids of passing records: the first 160 bits of an HMAC-SHA256, keyed from the service
 * secret, over the record's canonical fields (id, subject, course version, completion time in
 * microseconds, score), in RFC 4648 base32: 32 characters, shown in groups of four. Unguessable without
 * the key, bound to what the record says: VerifyCertificate finds the record by its id and recomputes
 * the MAC, so a row altered outside the service no longer verifies.
 */
public final class CertificateIds {

    public static final int LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Pattern RAW = Pattern.compile("[A-Z2-7]{" + LENGTH + "}");
    private static final int BYTES = 20;

    private CertificateIds() {
    }

    /** The raw (ungrouped) id of a record with these canonical fields. */
    public static String compute(Mac mac, String recordId, Subject subject, CourseRef course, Instant completeTime, int score) {
        long micros = Math.addExact(Math.multiplyExact(completeTime.getEpochSecond(), 1_000_000L), completeTime.getNano() / 1_000);
        String canonical = String.join("\n", "training-certificate-v1", recordId, subject.name(), course.name(),
                Long.toString(micros), Integer.toString(score));
        byte[] digest = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
        return base32(digest, BYTES);
    }

    /** {@code ABCD-EFGH-...}: how the id is shown and printed. */
    public static String display(String raw) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < raw.length(); i += 4) {
            grouped.append(i == 0 ? "" : "-").append(raw, i, Math.min(raw.length(), i + 4));
        }
        return grouped.toString();
    }

    /** The raw id in what a person typed (any case, with or without - or spaces), if it can be one. */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String raw = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return RAW.matcher(raw).matches() ? Optional.of(raw) : Optional.empty();
    }

    private static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }
}
