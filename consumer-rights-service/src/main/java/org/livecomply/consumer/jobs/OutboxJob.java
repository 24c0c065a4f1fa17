package org.livecomply.consumer.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.livecomply.consumer.outbox.OutboxConfiguration;
import org.livecomply.consumer.outbox.OutboxDeliverer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox (verified complaints to room-grading, legal holds to the archive) every
 * {@code livecomply.consumer.outbox.interval}; batch after batch while batches come back full.
 */
@Singleton
@Requires(property = "livecomply.consumer.outbox.enabled", value = "true", defaultValue = "true")
public class OutboxJob {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxJob.class);
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final OutboxDeliverer deliverer;
    private final OutboxConfiguration configuration;

    public OutboxJob(OutboxDeliverer deliverer, OutboxConfiguration configuration) {
        this.deliverer = deliverer;
        this.configuration = configuration;
    }

    @Scheduled(fixedDelay = "${livecomply.consumer.outbox.interval:5s}", initialDelay = "${livecomply.consumer.outbox.interval:5s}")
    public void run() {
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN && deliverer.deliverDue() == configuration.getBatchSize(); batch++) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            LOG.error("Outbox delivery run failed; the next run retries", e);
        }
    }
}
