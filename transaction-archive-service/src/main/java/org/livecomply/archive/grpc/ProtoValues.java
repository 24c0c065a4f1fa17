package org.livecomply.archive.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.livecomply.commons.error.Violations;

/** Conversions of the shared proto value types. */
final class ProtoValues {

    /** 2000-01-01T00:00:00Z: nothing older is live e-commerce evidence, and older values are usually unset fields. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private ProtoValues() {
    }

    /** A set, well-formed timestamp within [2000, 9999], or null with a violation on {@code field}. */
    static Instant instant(Timestamp timestamp, String field, Violations violations) {
        if (timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            violations.add(field, field + " has nanos out of range");
            return null;
        }
        Instant instant = Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            violations.add(field, field + " must be between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return instant;
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static ByteString bytes(byte[] bytes) {
        return ByteString.copyFrom(bytes);
    }
}
