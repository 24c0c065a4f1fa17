package org.livecomply.commons.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One mutating request already seen: its operation and request_id, what it asked, and what it produced. */
@MappedEntity("idempotency_keys")
public record IdempotencyKey(
        @Id String idempotencyKey,
        String fingerprint,
        @Nullable String result,
        Instant createdAt) {
}
