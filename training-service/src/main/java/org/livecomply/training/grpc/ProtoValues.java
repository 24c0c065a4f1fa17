package org.livecomply.training.grpc;

import com.google.protobuf.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.livecomply.api.type.v1.Date;
import org.livecomply.commons.error.Violations;

/** Conversions of the shared proto value types and enums. */
final class ProtoValues {

    private static final long MAX_DURATION_SECONDS = 315_576_000_000L;

    private ProtoValues() {
    }

    /** An unset date (all zero) is null; an impossible one is a violation on {@code field}. */
    static LocalDate date(Date date, String field, Violations violations) {
        if (isUnset(date)) {
            return null;
        }
        try {
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new DateTimeException("year out of range");
            }
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            violations.add(field, field + " is not a real calendar date");
            return null;
        }
    }

    static boolean isUnset(Date date) {
        return date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0;
    }

    static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** A set timestamp as an Instant (years 1..9999 as in the proto spec); unset is null. */
    static Instant instant(boolean present, Timestamp timestamp, String field, Violations violations) {
        if (!present) {
            return null;
        }
        if (timestamp.getSeconds() < -62_135_596_800L || timestamp.getSeconds() > 253_402_300_799L
                || timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            violations.add(field, field + " is out of range");
            return null;
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** A set duration (proto range, seconds and nanos of one sign); unset is null. */
    static Duration duration(boolean present, com.google.protobuf.Duration duration, String field, Violations violations) {
        if (!present) {
            return null;
        }
        long seconds = duration.getSeconds();
        int nanos = duration.getNanos();
        if (Math.abs(seconds) > MAX_DURATION_SECONDS || Math.abs(nanos) > 999_999_999 || (seconds > 0 && nanos < 0) || (seconds < 0 && nanos > 0)) {
            violations.add(field, field + " is out of range");
            return null;
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    static com.google.protobuf.Duration duration(Duration duration) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }

    /** Sets nothing for a null instant. */
    static void setIfPresent(Instant instant, Consumer<Timestamp> setter) {
        if (instant != null) {
            setter.accept(timestamp(instant));
        }
    }

    /** The domain constant named like {@code proto} without {@code prefix}; null for *_UNSPECIFIED and unknown numbers. */
    static <E extends Enum<E>> E fromProto(Enum<?> proto, String prefix, Class<E> type) {
        String name = proto.name();
        if (!name.startsWith(prefix) || name.equals(prefix + "UNSPECIFIED")) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The proto constant {@code prefix + domain.name()}. */
    static <P extends Enum<P>> P toProto(Enum<?> domain, String prefix, Class<P> type) {
        return Enum.valueOf(type, prefix + domain.name());
    }

    /** A required enum field: null with a violation when unset or unknown. */
    static <E extends Enum<E>> E required(Enum<?> proto, String prefix, Class<E> type, String field, Violations violations) {
        E value = fromProto(proto, prefix, type);
        violations.when(value == null, field, field + " is required");
        return value;
    }

    /** A filter enum field: null (any) when unspecified, a violation when unknown. */
    static <E extends Enum<E>> E filter(Enum<?> proto, String prefix, Class<E> type, String field, Violations violations) {
        E value = fromProto(proto, prefix, type);
        violations.when(value == null && !proto.name().equals(prefix + "UNSPECIFIED"), field, field + " is not a known value");
        return value;
    }
}
