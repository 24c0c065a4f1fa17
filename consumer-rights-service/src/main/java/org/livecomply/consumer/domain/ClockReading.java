package org.livecomply.consumer.domain;

import java.time.Duration;
import java.time.Instant;

/** One clock as read at an instant. {@code stopTime} is null while it runs. */
public record ClockReading(ClockKind kind, int workingDays, Instant deadline, State state, Instant stopTime, Duration pausedWorkingTime) {

    /** Where the clock stands. */
    public enum State { RUNNING, PAUSED, OVERDUE, MET, MISSED }

    public boolean stopped() {
        return stopTime != null;
    }
}
