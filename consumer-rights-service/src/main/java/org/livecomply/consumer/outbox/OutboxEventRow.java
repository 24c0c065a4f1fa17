package org.livecomply.consumer.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One outbox event: what to deliver (type + payload), about what (subject), and how delivery went. */
@MappedEntity("outbox_events")
public record OutboxEventRow(
        @Id @GeneratedValue @Nullable Long seq,
        String eventId,
        String eventType,
        String subject,
        byte[] payload,
        String status,
        int attempts,
        Instant nextAttemptTime,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        @Nullable String lastError,
        Instant createTime,
        @Nullable Instant deliverTime) {
}
