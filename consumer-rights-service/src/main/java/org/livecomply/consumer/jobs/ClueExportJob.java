package org.livecomply.consumer.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.livecomply.commons.report.ReportFolders;
import org.livecomply.commons.report.ReportFormat;
import org.livecomply.consumer.domain.report.ClueExportPeriod;
import org.livecomply.consumer.service.ClueService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the regulator clues of each ended period (CSV, JSON Lines and one manifest.json) into
 * {@code livecomply.consumer.clue-export.directory}/regulator-clues-{period key}/ (Art. 46; ECL Art. 29: clue
 * transfer to regulators). The period is {@code livecomply.consumer.clue-export.period} (MONTH by default);
 * disabled when the directory is not configured (the ExportRegulatorClues RPC stays the way out).
 *
 * <p>Runs on {@code livecomply.consumer.clue-export.cron} (daily at 01:30 China time by default): the first run
 * after a period ends writes it; every later run finds it claimed and does nothing, so a failed run is retried
 * by the next. Safe with several replicas: {@link ReportFolders} lets one replica write each period, once.
 * Every export is audit-logged (ListClueExports, exported by {@value #SCHEDULER}).
 */
@Singleton
@Requires(property = ClueExportJob.DIRECTORY_PROPERTY)
public class ClueExportJob {

    public static final String DIRECTORY_PROPERTY = "livecomply.consumer.clue-export.directory";
    public static final String SCHEDULER = "scheduler";
    static final String FOLDER_PREFIX = "regulator-clues-";
    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.CSV, ReportFormat.JSON_LINES);
    private static final Logger LOG = LoggerFactory.getLogger(ClueExportJob.class);

    private final ClueService clues;
    private final ReportFolders folders;
    private final Clock clock;
    private final Path directory;
    private final ClueExportPeriod period;

    public ClueExportJob(ClueService clues, ReportFolders folders, Clock clock, @Value("${" + DIRECTORY_PROPERTY + "}") String directory,
                         @Value("${livecomply.consumer.clue-export.period:MONTH}") ClueExportPeriod period) {
        this.clues = clues;
        this.folders = folders;
        this.clock = clock;
        this.directory = Path.of(directory);
        this.period = period;
    }

    @Scheduled(cron = "${livecomply.consumer.clue-export.cron:0 30 1 * * *}", zoneId = "Asia/Shanghai")
    public void onSchedule() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.error("Regulator clue export (Art. 46) was not written; the next run retries", e);
        }
    }

    /** Writes the preceding period's clues unless already written or claimed; the folder written, if any. */
    public Optional<Path> run() throws IOException {
        ClueExportPeriod.Period ended = period.precedingAt(clock.instant());
        Optional<Path> written = folders.writeOnce(ended.key(), directory, FOLDER_PREFIX + ended.key(),
                folder -> clues.export(ended.start(), ended.end(), FORMATS, folder, SCHEDULER));
        written.ifPresent(target -> LOG.info("Regulator clues (Art. 46) of {} written to {}", ended.key(), target));
        return written;
    }
}
