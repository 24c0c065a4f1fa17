package org.livecomply.sdk.testing;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.livecomply.api.type.v1.Date;

/** Value conversions and the services' conventions for times, masking and encodings. */
final class Protos {

    /** Days, ages and deadlines are counted in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;

    private Protos() {
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Stored times keep microseconds (DATETIME(6)), as the services' database does. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A set timestamp within the proto range (years 1..9999), or null with "is out of range" on {@code field}. */
    static Instant instant(boolean present, Timestamp timestamp, String field, Checks checks) {
        if (!present) {
            return null;
        }
        if (timestamp.getSeconds() < MIN_SECONDS || timestamp.getSeconds() > MAX_SECONDS
                || timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            checks.add(field, field + " is out of range");
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, CHINA);
    }

    /** An unset date (all zero) is null; an impossible one is "is not a real calendar date" on {@code field}. */
    static LocalDate date(Date date, String field, Checks checks) {
        if (date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0) {
            return null;
        }
        try {
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new DateTimeException("year out of range");
            }
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            checks.add(field, field + " is not a real calendar date");
            return null;
        }
    }

    static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    static byte[] deterministic(Message message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.getSerializedSize());
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.useDeterministicSerialization();
            message.writeTo(coded);
            coded.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory serialization failed", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Personal data as shown without the PII scope: {@code 110105199001011234 → 1101**********1234}. */
    static String maskIdNumber(String value) {
        return keepEnds(value, 4, 4);
    }

    /** {@code 13812345678 → 138****5678}. */
    static String maskPhone(String value) {
        return keepEnds(value, 3, 4);
    }

    /** {@code zhang@example.cn → z***@example.cn}. */
    static String maskEmail(String value) {
        int at = value.indexOf('@');
        return at <= 0 ? keepEnds(value, 1, 0) : value.charAt(0) + "***" + value.substring(at);
    }

    /** A street line: {@code 文三路100号 → 文三****}. */
    static String maskText(String value) {
        return value.isEmpty() ? value : value.substring(0, Math.min(2, value.length())) + "****";
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
