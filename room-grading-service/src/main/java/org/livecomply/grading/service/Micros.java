package org.livecomply.grading.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** DATETIME(6) keeps microseconds: values are cut to them before they are stored or compared with stored ones. */
final class Micros {

    private Micros() {
    }

    static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
