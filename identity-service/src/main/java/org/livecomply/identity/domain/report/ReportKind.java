package org.livecomply.identity.domain.report;

import java.time.Instant;
import java.time.Month;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The identity reports: what they are called, their legal basis, and when they are made. */
public enum ReportKind {

    /** Art. 9: registered subjects to the provincial market regulator, every January and July. */
    REGULATOR("identity regulator report", "Art. 9",
            "Measures for the Supervision and Administration of Live E-commerce (SAMR–CAC Order 117), Art. 9",
            "every subject registered before period.end_time (any state), with its data as currently stored at generate_time; "
                    + "personal data unmasked",
            Set.of(Month.JANUARY, Month.JULY), HalfYear::precedingAt),

    /** State Council Order 810: identity and income of in-platform operators and workers to the tax authority, quarterly. */
    TAX("identity tax report", "State Council Order 810",
            "Provisions on the Reporting of Tax-related Information by Internet Platform Enterprises (互联网平台企业涉税信息报送规定), State Council Order 810 (2025)",
            "every subject registered before period.end_time (any state), with its identity as currently stored at generate_time "
                    + "and the latest income statement recorded for the quarter (zeros and income_statement_recorded=false when none); "
                    + "personal data unmasked; amounts are integer fen (CNY), net_income_fen = gross_income_fen - refunds_fen",
            Set.of(Month.JANUARY, Month.APRIL, Month.JULY, Month.OCTOBER), TaxQuarter::precedingAt);

    private final String title;
    private final String article;
    private final String legalBasis;
    private final String selection;
    private final Set<Month> reportMonths;
    private final Function<Instant, Optional<ReportPeriod>> preceding;

    ReportKind(String title, String article, String legalBasis, String selection, Set<Month> reportMonths,
               Function<Instant, Optional<ReportPeriod>> preceding) {
        this.title = title;
        this.article = article;
        this.legalBasis = legalBasis;
        this.selection = selection;
        this.reportMonths = reportMonths;
        this.preceding = preceding;
    }

    public String title() {
        return title;
    }

    /** Short citation for error details, e.g. "Art. 9". */
    public String article() {
        return article;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** Which subjects and data the report holds, as the manifest states it. */
    public String selection() {
        return selection;
    }

    /** Whether {@code now} (China time) falls in a month this report is made in. */
    public boolean reportedInMonthOf(Instant now) {
        return reportMonths.contains(now.atZone(ReportPeriod.ZONE).getMonth());
    }

    /** The period reported in the month of {@code now}; empty before the first reportable one. */
    public Optional<ReportPeriod> precedingAt(Instant now) {
        return preceding.apply(now);
    }

    /** The folder name prefix of the scheduled job's output, e.g. {@code identity-regulator-report-}. */
    public String folderPrefix() {
        return title.replace(' ', '-') + "-";
    }
}
