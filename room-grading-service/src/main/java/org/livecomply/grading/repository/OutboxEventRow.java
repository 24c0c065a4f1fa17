package org.livecomply.grading.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An outbox event; payload_cipher is the encrypted, base64 serialized request it delivers. */
@MappedEntity("outbox_events")
public record OutboxEventRow(
        @Id @GeneratedValue @Nullable Long seq,
        String eventId,
        String kind,
        String source,
        String payloadCipher,
        String status,
        int attempts,
        Instant nextAttemptTime,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        @Nullable String lastError,
        Instant createTime,
        @Nullable Instant deliverTime) {
}
