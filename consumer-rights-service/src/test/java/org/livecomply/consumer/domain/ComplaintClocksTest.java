package org.livecomply.consumer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.commons.calendar.WorkingDayCalendarFactory;

/** The clocks on the shipped 2026 calendar: National Day (rest Oct 1–7, make-up Sat Oct 10), pauses, stops. */
class ComplaintClocksTest {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendarFactory().workingDayCalendar(null);
    private static final ComplaintClocks CLOCKS = new ComplaintClocks(new WorkingTime(CALENDAR));
    private static final Deadlines DEFAULTS = new Deadlines(1, 3, 7, false);
    private static final Instant FILED = Instant.parse("2026-09-30T02:00:00Z");

    private final List<ComplaintEvent> timeline = new ArrayList<>(List.of(event(EventKind.FILED, null, FILED)));

    private static ComplaintEvent event(EventKind kind, WaitingOn waitingOn, Instant at) {
        return new ComplaintEvent(0, "C20260930-AAAAAA", kind, "t", ComplaintState.RECEIVED, waitingOn, "", at);
    }

    private ClockReading read(ClockKind kind, Instant now) {
        return CLOCKS.read(timeline, DEFAULTS, now).get(kind.ordinal());
    }

    @Test
    void deadlinesSkipTheHolidayAndCountTheMakeUpSaturday() {
        assertEquals(Instant.parse("2026-10-08T16:00:00Z"), read(ClockKind.ACKNOWLEDGE, FILED).deadline());
        assertEquals(Instant.parse("2026-10-10T16:00:00Z"), read(ClockKind.FIRST_RESPONSE, FILED).deadline());
        assertEquals(Instant.parse("2026-10-15T16:00:00Z"), read(ClockKind.RESOLVE, FILED).deadline());
    }

    @Test
    void aWaitOnTheConsumerOverRestDaysAddsOnlyItsWorkingTime() {
        // Sat Oct 3 .. Fri Oct 9 12:00 China: Oct 3–7 rest, Oct 8 whole, Oct 9 half = 36 working hours.
        timeline.add(event(EventKind.PAUSED, WaitingOn.CONSUMER, Instant.parse("2026-10-02T16:00:00Z")));
        timeline.add(event(EventKind.RESUMED, null, Instant.parse("2026-10-09T04:00:00Z")));
        ClockReading resolve = read(ClockKind.RESOLVE, Instant.parse("2026-10-09T05:00:00Z"));
        assertEquals(Duration.ofHours(36), resolve.pausedWorkingTime());
        // Oct 15 end + 36 working hours: Oct 16 (Fri) whole, Oct 19 (Mon) until 12:00 China.
        assertEquals(Instant.parse("2026-10-19T04:00:00Z"), resolve.deadline());
        assertEquals(ClockReading.State.RUNNING, resolve.state());
    }

    @Test
    void aClockPausedBeforeItsDeadlineIsNotOverdueWhileItWaitsAndOneOverdueStaysOverdue() {
        timeline.add(event(EventKind.PAUSED, WaitingOn.CONSUMER, Instant.parse("2026-10-08T08:00:00Z")));
        ClockReading acknowledge = read(ClockKind.ACKNOWLEDGE, Instant.parse("2026-11-20T00:00:00Z"));
        assertEquals(ClockReading.State.PAUSED, acknowledge.state(), "paused at 16:00 China on its last day");
        assertNull(CLOCKS.nextDeadline(timeline, DEFAULTS, Instant.parse("2026-11-20T00:00:00Z")), "nothing can pass a deadline while waiting");

        List<ComplaintEvent> late = new ArrayList<>(List.of(event(EventKind.FILED, null, FILED),
                event(EventKind.PAUSED, WaitingOn.CONSUMER, Instant.parse("2026-10-09T02:00:00Z"))));
        assertEquals(ClockReading.State.OVERDUE, CLOCKS.read(late, DEFAULTS, Instant.parse("2026-10-12T00:00:00Z")).get(0).state());
        assertEquals(Instant.parse("2026-10-08T16:00:00Z"), CLOCKS.nextDeadline(late, DEFAULTS, Instant.parse("2026-10-12T00:00:00Z")));
    }

    @Test
    void aWaitOnTheMerchantPausesOnlyWhenThePolicySaysSo() {
        timeline.add(event(EventKind.PAUSED, WaitingOn.MERCHANT, Instant.parse("2026-10-08T00:00:00Z")));
        timeline.add(event(EventKind.RESUMED, null, Instant.parse("2026-10-09T00:00:00Z")));
        Instant now = Instant.parse("2026-10-09T01:00:00Z");
        assertEquals(Instant.parse("2026-10-15T16:00:00Z"), CLOCKS.read(timeline, DEFAULTS, now).get(2).deadline());
        assertEquals(Instant.parse("2026-10-16T16:00:00Z"), CLOCKS.read(timeline, new Deadlines(1, 3, 7, true), now).get(2).deadline());
    }

    @Test
    void milestonesStopTheirClocksMetOrMissed() {
        timeline.add(event(EventKind.RESPONDED, null, Instant.parse("2026-10-10T15:59:59Z")));
        List<ClockReading> clocks = CLOCKS.read(timeline, DEFAULTS, Instant.parse("2026-10-12T00:00:00Z"));
        assertEquals(ClockReading.State.MISSED, clocks.get(0).state(), "a response also acknowledges, late here");
        assertEquals(ClockReading.State.MET, clocks.get(1).state());
        assertEquals(ClockReading.State.RUNNING, clocks.get(2).state());
        timeline.add(event(EventKind.ESCALATED, null, Instant.parse("2026-10-15T16:00:00Z")));
        assertEquals(ClockReading.State.MISSED, CLOCKS.read(timeline, DEFAULTS, Instant.parse("2026-10-20T00:00:00Z")).get(2).state(),
                "ending at the deadline instant is late");
    }
}
