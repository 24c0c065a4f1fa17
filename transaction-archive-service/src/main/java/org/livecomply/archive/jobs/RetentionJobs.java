package org.livecomply.archive.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import org.livecomply.archive.domain.LogVerification;
import org.livecomply.archive.service.LogVerifier;
import org.livecomply.archive.service.RetentionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The purge after retention and the periodic self-check of the log; off with livecomply.archive.jobs.enabled=false. */
@Singleton
@Requires(property = "livecomply.archive.jobs.enabled", notEquals = "false")
public class RetentionJobs {

    static final int PURGE_BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJobs.class);

    private final RetentionService retention;
    private final LogVerifier verifier;

    public RetentionJobs(RetentionService retention, LogVerifier verifier) {
        this.retention = retention;
        this.verifier = verifier;
    }

    @Scheduled(fixedDelay = "${livecomply.archive.purge-interval:1h}", initialDelay = "1m")
    public void purge() {
        List<String> purged;
        do {
            purged = retention.purgeDue(PURGE_BATCH);
        } while (purged.size() == PURGE_BATCH);
    }

    @Scheduled(fixedDelay = "${livecomply.archive.verify-interval:24h}", initialDelay = "5m")
    public void verify() {
        LogVerification result = verifier.verify();
        if (result.intact()) {
            LOG.info("Transaction log intact: {} leaves, {} recomputed from their payloads", result.treeSize(), result.recomputedLeaves());
        } else {
            LOG.error("TRANSACTION LOG TAMPERED: {} (ECL Art. 62)", result.firstMismatch());
        }
    }
}
