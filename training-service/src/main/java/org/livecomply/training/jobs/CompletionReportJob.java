package org.livecomply.training.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.training.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.training.domain.report.ReportYear;
import org.livecomply.training.repository.ReportRunRepository;
import org.livecomply.training.repository.ReportRunRow;
import org.livecomply.training.service.CompletionReportService;
import org.livecomply.commons.report.ReportSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the completion report of the preceding year (CSV, JSON Lines and one manifest.json) into
 * {@code livecomply.training.report-directory}/training-completion-report-{yyyy}/. Disabled when the
 * directory is not configured.
 *
 * <p>Runs at 03:00 China time every day of January: the first run of the year writes the report; every
 * later run finds the year claimed and does nothing, so a failed run (identity-service unreachable, a
 * full disk) is retried the next day. Safe with several replicas: a replica writes only after its INSERT
 * of the year's row in {@code report_runs} succeeded; a claim left by a crashed replica is taken over
 * after {@link #STALE_CLAIM}. The folder is written under a temporary name and renamed when complete.
 */
@Singleton
@Requires(property = CompletionReportJob.DIRECTORY_PROPERTY)
public class CompletionReportJob {

    public static final String DIRECTORY_PROPERTY = "livecomply.training.report-directory";
    static final Duration STALE_CLAIM = Duration.ofHours(6);
    static final String FOLDER_PREFIX = "training-completion-report-";
    private static final Logger LOG = LoggerFactory.getLogger(CompletionReportJob.class);

    private final CompletionReportService reports;
    private final ReportRunRepository runs;
    private final Clock clock;
    private final Path directory;
    private final String replica = UUID.randomUUID().toString();

    public CompletionReportJob(CompletionReportService reports, ReportRunRepository runs, Clock clock,
                               @Value("${" + DIRECTORY_PROPERTY + "}") String directory) {
        this.reports = reports;
        this.runs = runs;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<ReportYear> year = ReportYear.precedingAt(now);
        if (year.isEmpty() || !claim(year.get().key(), now)) {
            return Optional.empty();
        }
        String key = year.get().key();
        Path target = directory.resolve(FOLDER_PREFIX + key);
        try {
            if (Files.exists(target)) {
                LOG.warn("Training completion report folder {} already exists; left as it is", target);
                runs.complete(key, replica, now, target.toString());
                return Optional.empty();
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempDirectory(directory, "." + FOLDER_PREFIX + key + "-");
            try {
                reports.export(year.get(), List.of(ReportFormat.CSV, ReportFormat.JSON_LINES), folder(temporary),
                        ReportExport.SCHEDULER, ReportExport.Trigger.SCHEDULED);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteIfPresent(temporary);
            }
            runs.complete(key, replica, clock.instant().truncatedTo(ChronoUnit.MICROS), target.toString());
            LOG.info("Training completion report for {} written to {}", key, target);
            return Optional.of(target);
        } catch (IOException | RuntimeException e) {
            runs.release(key, replica);
            throw e;
        }
    }

    /** True when this replica now owns the year: a fresh INSERT, or the takeover of a stale claim. */
    private boolean claim(String key, Instant now) {
        try {
            runs.save(new ReportRunRow(key, replica, now, null, null));
            return true;
        } catch (RuntimeException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
        }
        return runs.takeOver(key, replica, now, now.minus(STALE_CLAIM)) == 1;
    }

    private static ReportSink folder(Path folder) {
        return fileName -> new BufferedOutputStream(Files.newOutputStream(folder.resolve(fileName)));
    }

    private static void deleteIfPresent(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
