package org.livecomply.grading.service;

import com.google.protobuf.Message;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.livecomply.commons.pii.PiiCipher;
import org.livecomply.grading.repository.OutboxEventRepository;
import org.livecomply.grading.repository.OutboxEventRow;

/**
 * The transactional outbox: an event is written in the transaction of the change it announces, so it exists
 * exactly when the change does; the delivery job sends it afterwards, with retries, to an idempotent RPC.
 */
@Singleton
public class Outbox {

    static final String PAYLOAD_FIELD = "outbox_events.payload";

    /** What an event delivers. */
    public enum Kind {
        /** identity-service CreateBlacklistEntry (Art. 14); request_id = event id. */
        IDENTITY_BLACKLIST_ENTRY,
        /** consumer-rights-service: affected consumers' orders (Art. 23). */
        CONSUMER_ORDERS_HANDOFF,
        /** identity-service RevokeBlacklistEntry after an appeal overturned the disposal (Art. 14); request_id = event id. */
        IDENTITY_BLACKLIST_REVOCATION
    }

    /** Delivery state. */
    public enum Status {
        PENDING,
        DELIVERED,
        /** Refused for good by the receiver; a person must look at it. */
        FAILED
    }

    private final OutboxEventRepository events;
    private final PiiCipher cipher;
    private final Clock clock;

    public Outbox(OutboxEventRepository events, PiiCipher cipher, Clock clock) {
        this.events = events;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(String eventId, Kind kind, String source, Message payload, Status status) {
        Instant now = Micros.of(clock.instant());
        String sealed = cipher.encrypt(Base64.getEncoder().encodeToString(payload.toByteArray()), PAYLOAD_FIELD);
        events.save(new OutboxEventRow(null, eventId, kind.name(), source, sealed, status.name(), 0, now, null, null, null, now, null));
    }

    public byte[] payload(OutboxEventRow row) {
        return Base64.getDecoder().decode(cipher.decrypt(row.payloadCipher(), PAYLOAD_FIELD));
    }
}
