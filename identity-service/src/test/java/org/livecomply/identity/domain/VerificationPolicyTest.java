package org.livecomply.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

class VerificationPolicyTest {

    private static final VerificationPolicy DEFAULT = new VerificationPolicy(Period.ofMonths(6), Duration.ofDays(30), Duration.ofDays(30));
    // 2026-08-31 12:00 in China: six months later is 2027-02-28 (no 31 February).
    private static final Instant END_OF_AUGUST = Instant.parse("2026-08-31T04:00:00Z");

    @Test
    void sixMonthsAreCountedOnTheCalendarInChina() {
        assertEquals(Instant.parse("2027-02-28T04:00:00Z"), DEFAULT.reverificationDue(END_OF_AUGUST));
    }

    @Test
    void aLongerConfiguredPeriodIsCappedAtTheLegalSixMonthsAndAShorterOneKept() {
        VerificationPolicy lax = new VerificationPolicy(Period.ofMonths(12), Duration.ofDays(30), Duration.ofDays(30));
        assertEquals(DEFAULT.reverificationDue(END_OF_AUGUST), lax.reverificationDue(END_OF_AUGUST));
        VerificationPolicy strict = new VerificationPolicy(Period.ofMonths(3), Duration.ofDays(30), Duration.ofDays(30));
        assertEquals(Instant.parse("2026-11-30T04:00:00Z"), strict.reverificationDue(END_OF_AUGUST));
        assertThrows(IllegalArgumentException.class, () -> new VerificationPolicy(Period.ZERO, Duration.ofDays(1), Duration.ofDays(1)));
    }

    @Test
    void effectiveStateFollowsTheDeadline() {
        Instant due = DEFAULT.reverificationDue(END_OF_AUGUST);
        assertEquals(RoomOperatorState.VERIFIED, DEFAULT.effective(RoomOperatorState.VERIFIED, due, due.minus(Duration.ofDays(30)).minusNanos(1000)));
        assertEquals(RoomOperatorState.REVERIFICATION_DUE, DEFAULT.effective(RoomOperatorState.VERIFIED, due, due.minus(Duration.ofDays(30))));
        assertEquals(RoomOperatorState.REVERIFICATION_DUE, DEFAULT.effective(RoomOperatorState.VERIFIED, due, due));
        assertEquals(RoomOperatorState.REVERIFICATION_OVERDUE, DEFAULT.effective(RoomOperatorState.VERIFIED, due, due.plusNanos(1000)));
        assertEquals(RoomOperatorState.SUSPENDED, DEFAULT.effective(RoomOperatorState.SUSPENDED, due, due.plus(Duration.ofDays(9))));
        assertEquals(RoomOperatorState.PENDING_VERIFICATION, DEFAULT.effective(RoomOperatorState.PENDING_VERIFICATION, null, due));
    }

    @Test
    void aMarketerCheckIsCurrentForItsValidityIncludingTheLastInstant() {
        Instant checked = Instant.parse("2026-11-01T00:00:00Z");
        assertTrue(DEFAULT.marketerCheckCurrent(checked, checked.plus(Duration.ofDays(30))));
        assertFalse(DEFAULT.marketerCheckCurrent(checked, checked.plus(Duration.ofDays(30)).plusNanos(1000)));
        assertFalse(DEFAULT.marketerCheckCurrent(null, checked));
    }
}
