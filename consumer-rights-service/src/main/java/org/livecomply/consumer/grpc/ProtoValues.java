package org.livecomply.consumer.grpc;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.livecomply.commons.error.Violations;

/** Conversions of the well-known proto types. */
final class ProtoValues {

    private ProtoValues() {
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Duration duration(java.time.Duration duration) {
        return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
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

    static void setIfPresent(Instant instant, Consumer<Timestamp> setter) {
        if (instant != null) {
            setter.accept(timestamp(instant));
        }
    }

    /** The proto enum value named {@code prefix + value.name()}. */
    static <E extends Enum<E>> E proto(Enum<?> value, String prefix, Class<E> type) {
        return Enum.valueOf(type, prefix + value.name());
    }

    /** The domain value of a proto enum, or null for UNSPECIFIED / UNRECOGNIZED. */
    static <D extends Enum<D>> D domain(Enum<?> proto, String prefix, Class<D> type) {
        String name = proto.name();
        if (!name.startsWith(prefix) || name.endsWith("_UNSPECIFIED") || "UNRECOGNIZED".equals(name)) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
