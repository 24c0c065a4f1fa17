package org.livecomply.commons.report;

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
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a scheduled report's folder once across replicas. A replica writes only after its INSERT of the
 * period's row in {@code report_runs} succeeded; a claim left by a crashed replica is taken over after
 * {@link #STALE_CLAIM}; a failed write gives the claim back so a later run retries. The folder is written
 * under a temporary name and renamed when complete, so a reader never sees half a report.
 */
@Singleton
public class ReportFolders {

    public static final Duration STALE_CLAIM = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(ReportFolders.class);

    private final ReportRunRepository runs;
    private final Clock clock;
    private final String replica = UUID.randomUUID().toString();

    public ReportFolders(ReportRunRepository runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    /** The files of one report, written into the folder it is given. */
    @FunctionalInterface
    public interface Content {
        void write(ReportSink folder) throws IOException;
    }

    /**
     * Writes {@code directory/folderName} unless period {@code key} is already claimed or written; the folder
     * written, if any. A folder already there is left as it is (and the period counts as written).
     */
    public Optional<Path> writeOnce(String key, Path directory, String folderName, Content content) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!claim(key, now)) {
            return Optional.empty();
        }
        Path target = directory.resolve(folderName);
        try {
            if (Files.exists(target)) {
                LOG.warn("Report folder {} already exists; left as it is", target);
                runs.complete(key, replica, now, target.toString());
                return Optional.empty();
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempDirectory(directory, "." + folderName + "-");
            try {
                content.write(fileName -> new BufferedOutputStream(Files.newOutputStream(temporary.resolve(fileName))));
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteIfPresent(temporary);
            }
            runs.complete(key, replica, clock.instant().truncatedTo(ChronoUnit.MICROS), target.toString());
            return Optional.of(target);
        } catch (IOException | RuntimeException e) {
            runs.release(key, replica);
            throw e;
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
