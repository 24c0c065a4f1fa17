package org.livecomply.devrun.demo;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Conversions between protobuf timestamps and java.time, and how the demo shows them (China time). */
final class Timestamps {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

    private Timestamps() {
    }

    static Timestamp of(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** "2026-12-14 23:59" in China time. */
    static String shown(Timestamp timestamp) {
        return SHOWN.format(instant(timestamp));
    }

    /** "2026-12-14" in China time. */
    static String day(Timestamp timestamp) {
        return DAY.format(instant(timestamp));
    }
}
