package org.livecomply.identity.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.livecomply.identity.domain.report.HalfYear;
import org.livecomply.identity.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFolders;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.identity.domain.report.ReportKind;
import org.livecomply.identity.domain.report.ReportPeriod;
import org.livecomply.identity.domain.report.TaxQuarter;
import org.livecomply.identity.service.RegulatorReportService;
import org.livecomply.commons.report.ReportSink;
import org.livecomply.identity.service.TaxReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each identity report of its preceding period (CSV, JSON Lines and one manifest.json) into
 * {@code livecomply.identity.report-directory}/{kind prefix}{period key}/: the Art. 9 regulator report in
 * January and July ({@code identity-regulator-report-2026-H1/}), the Order 810 tax report in January, April,
 * July and October ({@code identity-tax-report-2026-Q3/}). Disabled when the directory is not configured.
 *
 * <p>Runs at 02:00 China time every day of those months: the first run of the month (the 1st) writes the
 * report; every later run finds the period claimed and does nothing, so a failed or missed run is retried
 * the next day. Safe with several replicas: {@link ReportFolders} lets one replica write each period, once.
 */
@Singleton
@Requires(property = ReportJob.DIRECTORY_PROPERTY)
public class ReportJob {

    public static final String DIRECTORY_PROPERTY = "livecomply.identity.report-directory";
    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.CSV, ReportFormat.JSON_LINES);
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    private final RegulatorReportService regulatorReports;
    private final TaxReportService taxReports;
    private final ReportFolders folders;
    private final Clock clock;
    private final Path directory;

    public ReportJob(RegulatorReportService regulatorReports, TaxReportService taxReports, ReportFolders folders, Clock clock,
                     @Value("${" + DIRECTORY_PROPERTY + "}") String directory) {
        this.regulatorReports = regulatorReports;
        this.taxReports = taxReports;
        this.folders = folders;
        this.clock = clock;
        this.directory = Path.of(directory);
    }

    /** Every report due this month (China time) and not yet written or claimed; one report failing does not stop the other. */
    // Art. 9: every January and July; Order 810: in the month after each quarter.
    @Scheduled(cron = "0 0 2 * 1,4,7,10 *", zoneId = "Asia/Shanghai")
    public void onSchedule() {
        for (ReportKind kind : ReportKind.values()) {
            if (!kind.reportedInMonthOf(clock.instant())) {
                continue;
            }
            try {
                run(kind);
            } catch (IOException | RuntimeException e) {
                LOG.error("The {} was not written; the next run retries", kind.title(), e);
            }
        }
    }

    /** Writes the preceding period's report of {@code kind} unless it is already written or claimed; the folder written, if any. */
    public Optional<Path> run(ReportKind kind) throws IOException {
        Optional<ReportPeriod> period = kind.precedingAt(clock.instant());
        if (period.isEmpty()) {
            return Optional.empty();
        }
        String key = period.get().key();
        Optional<Path> written = folders.writeOnce(key, directory, kind.folderPrefix() + key, folder -> export(period.get(), folder));
        written.ifPresent(target -> LOG.info("The {} for {} was written to {}", kind.title(), key, target));
        return written;
    }

    private void export(ReportPeriod period, ReportSink sink) throws IOException {
        if (period instanceof HalfYear half) {
            regulatorReports.export(half, FORMATS, sink, ReportExport.SCHEDULER, ReportExport.Trigger.SCHEDULED);
        } else {
            taxReports.export((TaxQuarter) period, FORMATS, sink, ReportExport.SCHEDULER, ReportExport.Trigger.SCHEDULED);
        }
    }
}
