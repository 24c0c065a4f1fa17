package org.livecomply.archive.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.livecomply.archive.domain.LegalHold;
import org.livecomply.archive.repository.OrderStore;
import org.livecomply.archive.repository.RecordStore;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.commons.idempotency.Idempotency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legal holds and the purge after retention (Art. 16; PIPL Art. 47; LEGAL.md A-1). A purge erases
 * payload and salt and keeps the leaf hashes, so every proof over the log stays valid.
 */
@Singleton
public class RetentionService {

    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String LEGAL_HOLD_NOT_FOUND = "LEGAL_HOLD_NOT_FOUND";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    private final OrderStore orders;
    private final RecordStore records;
    private final Idempotency idempotency;
    private final Clock clock;

    public RetentionService(OrderStore orders, RecordStore records, Idempotency idempotency, Clock clock) {
        this.orders = orders;
        this.records = records;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The new hold, once per request id. The order's row is locked, so a purge running now sees it or finished before. */
    @Transactional
    public LegalHold place(String requestId, String fingerprint, String orderId, String reason, String caseReference) {
        return idempotency.once("PlaceLegalHold", requestId, fingerprint, () -> {
            if (!orders.lock(orderId)) {
                throw new NotFoundException(ORDER_NOT_FOUND, "orders/" + orderId);
            }
            LegalHold hold = new LegalHold(UUID.randomUUID().toString(), orderId, reason, caseReference, now(), null);
            orders.insertHold(hold);
            return hold;
        }, LegalHold::name, this::byName);
    }

    /** Releases a hold (a released one stays as it was), once per request id. */
    @Transactional
    public LegalHold release(String requestId, String fingerprint, String id) {
        return idempotency.once("ReleaseLegalHold", requestId, fingerprint, () -> {
            LegalHold hold = get(id);
            orders.lock(hold.orderId());
            orders.releaseHold(id, now());
            return get(id);
        }, LegalHold::name, this::byName);
    }

    @Transactional(readOnly = true)
    public LegalHold get(String id) {
        return orders.findHold(id).orElseThrow(() -> new NotFoundException(LEGAL_HOLD_NOT_FOUND, LegalHold.COLLECTION + id));
    }

    /**
     * Erases the evidence of up to {@code limit} orders whose retention ended and that no hold keeps.
     * Safe with several replicas: each locks the orders it purges and skips those another one holds.
     * Returns the orders purged.
     */
    @Transactional
    public List<String> purgeDue(int limit) {
        Instant now = now();
        List<String> due = orders.lockDue(now, limit);
        Set<String> held = orders.held(due);
        List<String> purge = new ArrayList<>(due);
        purge.removeAll(held);
        int erased = records.erase(purge);
        orders.markPurged(purge, now);
        if (!purge.isEmpty()) {
            LOG.info("Retention ended: erased {} records of {} orders ({} due orders under legal hold)", erased, purge.size(), held.size());
        }
        return purge;
    }

    private LegalHold byName(String name) {
        return get(name.substring(LegalHold.COLLECTION.length()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
