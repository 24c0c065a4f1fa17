package org.livecomply.grading.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.livecomply.grading.domain.Measure;
import org.livecomply.grading.repository.GateStore.GateMeasure;

/** The gate reads measures not yet ended and decides the rest of "in force" itself: the same boundaries as DisposalRepository#inForce. */
class GateMeasureTest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private static final Duration MICRO = Duration.ofNanos(1000);

    private static GateMeasure measure(Instant start, Instant end, Instant revoke) {
        return new GateMeasure("r", "d", Measure.STREAMING_SUSPENSION, null, null, start, end, revoke);
    }

    @Test
    void inForceFromItsStartUntilJustBeforeItsEnd() {
        assertTrue(measure(NOW, NOW.plusSeconds(60), null).inForceAt(NOW), "starts at its start time");
        assertFalse(measure(NOW.plus(MICRO), null, null).inForceAt(NOW), "not before");
        assertTrue(measure(NOW.minusSeconds(60), NOW.plus(MICRO), null).inForceAt(NOW));
        assertFalse(measure(NOW.minusSeconds(60), NOW, null).inForceAt(NOW), "ended at its end time");
        assertTrue(measure(NOW.minusSeconds(60), null, null).inForceAt(NOW), "no end: until revoked");
    }

    @Test
    void aRevocationEndsItFromItsTime() {
        assertTrue(measure(NOW.minusSeconds(60), null, NOW.plus(MICRO)).inForceAt(NOW), "revoked later");
        assertFalse(measure(NOW.minusSeconds(60), null, NOW).inForceAt(NOW), "revoked now");
        assertFalse(measure(NOW.minusSeconds(60), NOW.plusSeconds(60), NOW.minusSeconds(1)).inForceAt(NOW));
    }
}
