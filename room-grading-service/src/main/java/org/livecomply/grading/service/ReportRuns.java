package org.livecomply.grading.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.livecomply.commons.persistence.IntegrityViolations;
import org.livecomply.grading.repository.ReportRunRepository;
import org.livecomply.grading.repository.ReportRunRow;

/** Claims of the scheduled report job, one per run key across replicas: the INSERT is the lock. */
@Singleton
public class ReportRuns {

    private final ReportRunRepository runs;

    public ReportRuns(ReportRunRepository runs) {
        this.runs = runs;
    }

    /** True when {@code replica} now owns the run: a fresh claim, or the takeover of one older than {@code stale}. */
    @Transactional
    public boolean claim(String key, String replica, Instant now, Duration stale) {
        if (runs.takeOver(key, replica, now, now.minus(stale)) == 1) {
            return true;
        }
        try {
            runs.save(new ReportRunRow(key, replica, now, null, null));
            return true;
        } catch (DataAccessException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            return false;
        }
    }

    @Transactional
    public void complete(String key, String replica, Instant now, String directory) {
        runs.complete(key, replica, now, directory);
    }

    @Transactional
    public void release(String key, String replica) {
        runs.release(key, replica);
    }
}
