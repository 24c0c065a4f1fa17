package org.livecomply.identity.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

/**
 * The calendar quarter a tax report covers (State Council Order 810: reported in the month after each
 * quarter). Q1 is January–March, in China time.
 */
public record TaxQuarter(int year, int quarter) implements ReportPeriod {

    public TaxQuarter {
        if (!ReportPeriod.reportableYear(year) || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("no tax quarter " + year + "-Q" + quarter);
        }
    }

    /** The quarter before the one containing {@code now} (China time); empty when its year is not reportable. */
    public static Optional<ReportPeriod> precedingAt(Instant now) {
        LocalDate previous = now.atZone(ZONE).toLocalDate().minusMonths(3);
        return ReportPeriod.reportableYear(previous.getYear())
                ? Optional.of(new TaxQuarter(previous.getYear(), (previous.getMonthValue() + 2) / 3)) : Optional.empty();
    }

    /** Whether the quarter has begun at {@code now} (China time): income can be stated only for such a quarter. */
    public boolean begunAt(Instant now) {
        return !now.isBefore(startTime());
    }

    @Override
    public ReportKind kind() {
        return ReportKind.TAX;
    }

    @Override
    public LocalDate firstDay() {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    @Override
    public LocalDate lastDay() {
        return LocalDate.of(year, quarter * 3, 1).with(TemporalAdjusters.lastDayOfMonth());
    }

    @Override
    public String key() {
        return year + "-Q" + quarter;
    }

    @Override
    public Map<String, Object> label() {
        return Map.of("quarter", quarter);
    }
}
