package org.livecomply.training.domain.report;

import java.time.Instant;
import java.util.Optional;
import org.livecomply.training.domain.AnnualWindow;
import org.livecomply.training.domain.TrainingRules;

/** The calendar year (China time) a completion report covers: from 00:00 on 1 January to the next (exclusive). */
public record ReportYear(int year) {

    public static final int MIN_YEAR = 2026;
    public static final int MAX_YEAR = 2100;

    public ReportYear {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("no report year " + year);
        }
    }

    /** The year before the one containing {@code now}, if reportable (the Measures apply from 2026). */
    public static Optional<ReportYear> precedingAt(Instant now) {
        int year = now.atZone(TrainingRules.ZONE).getYear() - 1;
        return year < MIN_YEAR || year > MAX_YEAR ? Optional.empty() : Optional.of(new ReportYear(year));
    }

    public Instant startTime() {
        return AnnualWindow.yearStart(year);
    }

    /** Exclusive end. */
    public Instant endTime() {
        return AnnualWindow.yearStart(year + 1);
    }

    public boolean endedAt(Instant now) {
        return !now.isBefore(endTime());
    }

    /** The last instant of the year, at which it is evaluated once it has ended (microsecond precision, as stored). */
    public Instant lastInstant() {
        return endTime().minusNanos(1_000);
    }

    public String key() {
        return Integer.toString(year);
    }
}
