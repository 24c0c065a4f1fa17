package org.livecomply.consumer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the clocks of a complaint from its timeline at an instant (derived, never stored, so never stale).
 * Each clock starts at filing and stops at its milestone: acknowledge at the acknowledgement or any later
 * step of the process, first response at the first response or the end, resolve at the end. While the
 * complaint waits on a party whose wait pauses the clocks (the policy), no clock counts, and the working
 * time of the pause moves every running deadline on.
 */
public final class ComplaintClocks {

    private static final Set<EventKind> ENDS = Set.of(EventKind.RESOLVED, EventKind.REJECTED, EventKind.ESCALATED);

    private final WorkingTime workingTime;

    public ComplaintClocks(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    /** The clocks, in {@link ClockKind} order, as they stand at {@code now}. */
    public List<ClockReading> read(List<ComplaintEvent> timeline, Deadlines deadlines, Instant now) {
        Instant filed = filedAt(timeline);
        Map<ClockKind, Instant> stops = stops(timeline);
        List<ClockReading> readings = new ArrayList<>();
        for (ClockKind kind : ClockKind.values()) {
            Instant stop = stops.get(kind);
            Instant horizon = stop != null ? stop : now;
            List<WorkingTime.Interval> pauses = pauses(timeline, deadlines, horizon);
            Instant deadline = workingTime.deadline(filed, deadlines.days(kind), pauses);
            Duration paused = workingTime.pausedWorkingTime(filed, pauses);
            ClockReading.State state;
            if (stop != null) {
                state = stop.isBefore(deadline) ? ClockReading.State.MET : ClockReading.State.MISSED;
            } else if (!now.isBefore(deadline)) {
                state = ClockReading.State.OVERDUE;
            } else if (pausedAt(timeline, deadlines, now)) {
                state = ClockReading.State.PAUSED;
            } else {
                state = ClockReading.State.RUNNING;
            }
            readings.add(new ClockReading(kind, deadlines.days(kind), deadline, state, stop, paused));
        }
        return readings;
    }

    /**
     * The earliest instant a clock that runs now will pass its deadline, for the overdue listing; null when
     * none will without a further change (all stopped, or paused before their deadline). Fixed until the
     * next event, because only events start or end pauses.
     */
    public Instant nextDeadline(List<ComplaintEvent> timeline, Deadlines deadlines, Instant now) {
        Instant next = null;
        for (ClockReading reading : read(timeline, deadlines, now)) {
            boolean counts = reading.state() == ClockReading.State.RUNNING || reading.state() == ClockReading.State.OVERDUE;
            if (counts && (next == null || reading.deadline().isBefore(next))) {
                next = reading.deadline();
            }
        }
        return next;
    }

    private static Instant filedAt(List<ComplaintEvent> timeline) {
        if (timeline.isEmpty() || timeline.get(0).kind() != EventKind.FILED) {
            throw new IllegalArgumentException("a timeline starts with its filing");
        }
        return timeline.get(0).occurTime();
    }

    private static Map<ClockKind, Instant> stops(List<ComplaintEvent> timeline) {
        Map<ClockKind, Instant> stops = new EnumMap<>(ClockKind.class);
        for (ComplaintEvent event : timeline) {
            boolean end = ENDS.contains(event.kind());
            if (end || event.kind() == EventKind.ACKNOWLEDGED || event.kind() == EventKind.RESPONDED) {
                stops.putIfAbsent(ClockKind.ACKNOWLEDGE, event.occurTime());
            }
            if (end || event.kind() == EventKind.RESPONDED) {
                stops.putIfAbsent(ClockKind.FIRST_RESPONSE, event.occurTime());
            }
            if (end) {
                stops.putIfAbsent(ClockKind.RESOLVE, event.occurTime());
            }
        }
        return stops;
    }

    /** The pausing waits up to {@code horizon}: from a PAUSED event to the next RESUMED, PAUSED or end. */
    private static List<WorkingTime.Interval> pauses(List<ComplaintEvent> timeline, Deadlines deadlines, Instant horizon) {
        List<WorkingTime.Interval> pauses = new ArrayList<>();
        Instant openSince = null;
        for (ComplaintEvent event : timeline) {
            if (!event.occurTime().isBefore(horizon)) {
                break;
            }
            boolean closesWait = event.kind() == EventKind.PAUSED || event.kind() == EventKind.RESUMED || ENDS.contains(event.kind());
            if (closesWait && openSince != null) {
                pauses.add(new WorkingTime.Interval(openSince, event.occurTime()));
                openSince = null;
            }
            if (event.kind() == EventKind.PAUSED && deadlines.pauses(event.waitingOn())) {
                openSince = event.occurTime();
            }
        }
        if (openSince != null) {
            pauses.add(new WorkingTime.Interval(openSince, horizon));
        }
        return pauses;
    }

    private static boolean pausedAt(List<ComplaintEvent> timeline, Deadlines deadlines, Instant now) {
        WaitingOn waiting = null;
        for (ComplaintEvent event : timeline) {
            if (event.occurTime().isAfter(now)) {
                break;
            }
            if (event.kind() == EventKind.PAUSED) {
                waiting = event.waitingOn();
            } else if (event.kind() == EventKind.RESUMED || ENDS.contains(event.kind())) {
                waiting = null;
            }
        }
        return waiting != null && deadlines.pauses(waiting);
    }
}
