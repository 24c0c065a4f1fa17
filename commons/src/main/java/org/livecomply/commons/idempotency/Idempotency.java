package org.livecomply.commons.idempotency;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.livecomply.commons.error.ConcurrencyConflictException;
import org.livecomply.commons.error.InvalidArgumentException;
import org.livecomply.commons.persistence.IntegrityViolations;

/**
 * Runs a mutating use case at most once per (operation, request_id), in the caller's transaction, so the
 * key and the change commit or roll back together. A retry with the same request returns the first
 * result (re-read by reference) and changes nothing; the same request_id with a different request is
 * refused; a retry racing the first attempt is told to retry (ABORTED) instead of acting twice.
 */
@Singleton
public class Idempotency {

    public static final String REQUEST_ID_REUSED = "REQUEST_ID_REUSED";
    public static final String REQUEST_IN_PROGRESS = "REQUEST_IN_PROGRESS";

    private final IdempotencyKeyRepository keys;
    private final Clock clock;

    public Idempotency(IdempotencyKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param reference how to remember the result (usually its resource name)
     * @param replay how to produce the first result again from that reference
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public <T> T once(String operation, String requestId, String fingerprint,
                      Supplier<T> action, Function<T, String> reference, Function<String, T> replay) {
        String key = operation + ":" + requestId;
        Optional<IdempotencyKey> seen = keys.findById(key);
        if (seen.isPresent()) {
            if (!seen.get().fingerprint().equals(fingerprint)) {
                throw InvalidArgumentException.of(REQUEST_ID_REUSED, "request_id",
                        "request_id " + requestId + " was already used for a different " + operation + " request");
            }
            return replay.apply(seen.get().result());
        }
        try {
            keys.save(new IdempotencyKey(key, fingerprint, null, clock.instant()));
        } catch (DataAccessException e) {
            if (!IntegrityViolations.isIntegrityViolation(e)) {
                throw e;
            }
            throw new ConcurrencyConflictException(REQUEST_IN_PROGRESS, "request " + requestId + " is being processed concurrently; retry");
        }
        T result = action.get();
        keys.updateResult(key, reference.apply(result));
        return result;
    }
}
