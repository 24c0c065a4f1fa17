package org.livecomply.grading.jobs;

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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.livecomply.commons.calendar.WorkingDayCalendar;
import org.livecomply.grading.domain.ReportLevel;
import org.livecomply.grading.domain.report.DisposalReportBatch;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.grading.service.DisposalReportService;
import org.livecomply.grading.service.ReportRuns;
import org.livecomply.commons.report.ReportSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every day at 01:00 China time, takes each level's queued disposals into a batch and writes it — CSV, JSON
 * Lines and manifest.json — to {@code livecomply.grading.report-directory}/disposal-report-{level}-{date}-{batch}/
 * (Art. 12 ¶3). Once across replicas: a replica works only after its INSERT of the (level, day) claim
 * succeeded; a stale claim of a crashed replica is taken over. Nothing queued, no folder. Off while the
 * directory is not configured (then the API export is the way out).
 */
@Singleton
@Requires(property = DisposalReportJob.DIRECTORY_PROPERTY)
public class DisposalReportJob {

    public static final String DIRECTORY_PROPERTY = "livecomply.grading.report-directory";
    static final Duration STALE_CLAIM = Duration.ofHours(6);
    static final String FOLDER_PREFIX = "disposal-report-";
    private static final Logger LOG = LoggerFactory.getLogger(DisposalReportJob.class);

    private final DisposalReportService reports;
    private final ReportRuns runs;
    private final Clock clock;
    private final Path directory;
    private final String replica = UUID.randomUUID().toString();

    public DisposalReportJob(DisposalReportService reports, ReportRuns runs, Clock clock,
                             @Value("${" + DIRECTORY_PROPERTY + "}") String directory) {
        this.reports = reports;
        this.runs = runs;
        this.clock = clock;
        this.directory = Path.of(directory);
    }

    @Scheduled(cron = "0 0 1 * * *", zoneId = "Asia/Shanghai")
    public void onSchedule() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.error("Disposal report (Art. 12 ¶3) was not written; the next run retries", e);
        }
    }

    /** Writes today's batch of each level unless claimed already or nothing is queued; the folders written. */
    public List<Path> run() throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = LocalDate.ofInstant(now, WorkingDayCalendar.CHINA);
        List<Path> written = new ArrayList<>();
        for (ReportLevel level : ReportLevel.values()) {
            String key = level + "-" + day;
            if (reports.pending(level) == 0 || !runs.claim(key, replica, now, STALE_CLAIM)) {
                continue;
            }
            try {
                DisposalReportBatch batch = reports.newBatch(level, DisposalReportBatch.SCHEDULER, DisposalReportBatch.Trigger.SCHEDULED);
                Path target = directory.resolve(FOLDER_PREFIX + level.name().toLowerCase(java.util.Locale.ROOT) + "-" + day + "-" + batch.id());
                Files.createDirectories(directory);
                Path temporary = Files.createTempDirectory(directory, "." + FOLDER_PREFIX);
                try {
                    reports.write(batch, List.of(ReportFormat.CSV, ReportFormat.JSON_LINES), folder(temporary));
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    deleteIfPresent(temporary);
                }
                runs.complete(key, replica, clock.instant().truncatedTo(ChronoUnit.MICROS), target.toString());
                LOG.info("Disposal report (Art. 12 ¶3) {} with {} disposals written to {}", level, batch.disposalCount(), target);
                written.add(target);
            } catch (IOException | RuntimeException e) {
                runs.release(key, replica);
                throw e;
            }
        }
        return written;
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
