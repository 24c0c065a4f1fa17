package org.livecomply.training.service;

import jakarta.inject.Singleton;
import org.livecomply.commons.idempotency.IdempotencyKeyRepository;

/**
 * Whether a mutating request was already seen. Use cases that ask identity-service first skip that call
 * for a retry, so the retry is answered from the first result even while identity is unreachable.
 */
@Singleton
public class RequestIds {

    private final IdempotencyKeyRepository keys;

    public RequestIds(IdempotencyKeyRepository keys) {
        this.keys = keys;
    }

    /** Same key format as {@link org.livecomply.commons.idempotency.Idempotency#once}. */
    public boolean seen(String operation, String requestId) {
        return keys.existsById(operation + ":" + requestId);
    }
}
