package org.livecomply.identity.jobs;

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
import org.livecomply.identity.domain.report.HalfYear;
import org.livecomply.identity.domain.report.ReportExport;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.identity.domain.report.ReportKind;
import org.livecomply.identity.domain.report.ReportPeriod;
import org.livecomply.identity.domain.report.TaxQuarter;
import org.livecomply.identity.repository.ReportRunRepository;
import org.livecomply.identity.repository.ReportRunRow;
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
 * the next day. Safe with several replicas: a replica writes only after its INSERT of the period's row in
 * {@code report_runs} succeeded; a claim left by a crashed replica is taken over after {@link #STALE_CLAIM}.
 * The folder is written under a temporary name and renamed when complete.
 */
@Singleton
@Requires(property = ReportJob.DIRECTORY_PROPERTY)
public class ReportJob {

    public static final String DIRECTORY_PROPERTY = "livecomply.identity.report-directory";
    static final Duration STALE_CLAIM = Duration.ofHours(6);
    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.CSV, ReportFormat.JSON_LINES);
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    private final RegulatorReportService regulatorReports;
    private final TaxReportService taxReports;
    private final ReportRunRepository runs;
    private final Clock clock;
    private final Path directory;
    private final String replica = UUID.randomUUID().toString();

    public ReportJob(RegulatorReportService regulatorReports, TaxReportService taxReports, ReportRunRepository runs, Clock clock,
                     @Value("${" + DIRECTORY_PROPERTY + "}") String directory) {
        this.regulatorReports = regulatorReports;
        this.taxReports = taxReports;
        this.runs = runs;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<ReportPeriod> period = kind.precedingAt(now);
        if (period.isEmpty() || !claim(period.get().key(), now)) {
            return Optional.empty();
        }
        String key = period.get().key();
        Path target = directory.resolve(kind.folderPrefix() + key);
        try {
            if (Files.exists(target)) {
                LOG.warn("Report folder {} already exists; left as it is", target);
                runs.complete(key, replica, now, target.toString());
                return Optional.empty();
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempDirectory(directory, "." + kind.folderPrefix() + key + "-");
            try {
                export(period.get(), folder(temporary));
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteIfPresent(temporary);
            }
            runs.complete(key, replica, clock.instant().truncatedTo(ChronoUnit.MICROS), target.toString());
            LOG.info("The {} for {} was written to {}", kind.title(), key, target);
            return Optional.of(target);
        } catch (IOException | RuntimeException e) {
            runs.release(key, replica);
            throw e;
        }
    }

    private void export(ReportPeriod period, ReportSink sink) throws IOException {
        if (period instanceof HalfYear half) {
            regulatorReports.export(half, FORMATS, sink, ReportExport.SCHEDULER, ReportExport.Trigger.SCHEDULED);
        } else {
            taxReports.export((TaxQuarter) period, FORMATS, sink, ReportExport.SCHEDULER, ReportExport.Trigger.SCHEDULED);
        }
    }

    /** True when this replica now owns the period: a fresh INSERT, or the takeover of a stale claim. */
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
