package org.livecomply.consumer.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code livecomply.consumer.outbox.*}: how events are claimed and retried. */
@ConfigurationProperties("livecomply.consumer.outbox")
public class OutboxConfiguration {

    private Duration initialBackoff = Duration.ofSeconds(5);
    private Duration maxBackoff = Duration.ofHours(1);
    private Duration lease = Duration.ofMinutes(2);
    private int batchSize = 20;

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** The wait after the n-th failed attempt: initial × 2^(n-1), at most {@code maxBackoff}. */
    public Duration backoff(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
