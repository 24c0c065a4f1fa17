package org.livecomply.training.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.livecomply.training.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFolders;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.training.domain.report.ReportYear;
import org.livecomply.training.service.CompletionReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the completion report of the preceding year (CSV, JSON Lines and one manifest.json) into
 * {@code livecomply.training.report-directory}/training-completion-report-{yyyy}/. Disabled when the
 * directory is not configured.
 *
 * <p>Runs at 03:00 China time every day of January: the first run of the year writes the report; every
 * later run finds the year claimed and does nothing, so a failed run (identity-service unreachable, a
 * full disk) is retried the next day. Safe with several replicas: {@link ReportFolders} lets one replica
 * write each year, once.
 */
@Singleton
@Requires(property = CompletionReportJob.DIRECTORY_PROPERTY)
public class CompletionReportJob {

    public static final String DIRECTORY_PROPERTY = "livecomply.training.report-directory";
    static final String FOLDER_PREFIX = "training-completion-report-";
    private static final Logger LOG = LoggerFactory.getLogger(CompletionReportJob.class);

    private final CompletionReportService reports;
    private final ReportFolders folders;
    private final Clock clock;
    private final Path directory;

    public CompletionReportJob(CompletionReportService reports, ReportFolders folders, Clock clock,
                               @Value("${" + DIRECTORY_PROPERTY + "}") String directory) {
        this.reports = reports;
        this.folders = folders;
        this.clock = clock;
        this.directory = Path.of(directory);
    }

    // Art. 10 ¶1: training every year; the year's record is written once it has ended.
    @Scheduled(cron = "0 0 3 * 1 *", zoneId = "Asia/Shanghai")
    public void onSchedule() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.error("Training completion report was not written; the next run retries", e);
        }
    }

    /** Writes the preceding year's report unless it is already written or claimed; the folder written, if any. */
    public Optional<Path> run() throws IOException {
        Optional<ReportYear> year = ReportYear.precedingAt(clock.instant());
        if (year.isEmpty()) {
            return Optional.empty();
        }
        String key = year.get().key();
        Optional<Path> written = folders.writeOnce(key, directory, FOLDER_PREFIX + key, folder -> reports.export(year.get(),
                List.of(ReportFormat.CSV, ReportFormat.JSON_LINES), folder, ReportExport.SCHEDULER, ReportExport.Trigger.SCHEDULED));
        written.ifPresent(target -> LOG.info("Training completion report for {} written to {}", key, target));
        return written;
    }
}
