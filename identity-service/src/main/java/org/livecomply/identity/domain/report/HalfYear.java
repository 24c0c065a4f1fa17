package org.livecomply.identity.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** The half year an Art. 9 report covers (reported every January and July for the preceding half year). */
public record HalfYear(int year, Half half) implements ReportPeriod {

    /** January–June or July–December. */
    public enum Half {
        FIRST,
        SECOND
    }

    public HalfYear {
        if (!ReportPeriod.reportableYear(year) || half == null) {
            throw new IllegalArgumentException("no report half year " + year + " " + half);
        }
    }

    /**
     * The half year that precedes the one containing {@code now} (China time): in January–June the second
     * half of last year, in July–December the first half of this year. Empty before the first reportable
     * period ({@value ReportPeriod#MIN_YEAR}; the Measures are in force from 2026-02-01).
     */
    public static Optional<ReportPeriod> precedingAt(Instant now) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        int year = today.getMonthValue() <= 6 ? today.getYear() - 1 : today.getYear();
        Half half = today.getMonthValue() <= 6 ? Half.SECOND : Half.FIRST;
        return ReportPeriod.reportableYear(year) ? Optional.of(new HalfYear(year, half)) : Optional.empty();
    }

    @Override
    public ReportKind kind() {
        return ReportKind.REGULATOR;
    }

    @Override
    public LocalDate firstDay() {
        return LocalDate.of(year, half == Half.FIRST ? 1 : 7, 1);
    }

    @Override
    public LocalDate lastDay() {
        return half == Half.FIRST ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    @Override
    public String key() {
        return year + "-H" + (half == Half.FIRST ? 1 : 2);
    }

    @Override
    public Map<String, Object> label() {
        return Map.of("half", "HALF_" + half.name());
    }
}
