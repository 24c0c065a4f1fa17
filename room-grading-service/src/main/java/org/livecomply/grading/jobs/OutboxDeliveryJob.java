package org.livecomply.grading.jobs;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.StatusRuntimeException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.livecomply.api.consumer.v1.ReceiveRoomDisposalRequest;
import org.livecomply.api.grading.v1.ConsumerOrdersHandoff;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.api.identity.v1.RevokeBlacklistEntryRequest;
import org.livecomply.commons.error.DependencyUnavailableException;
import org.livecomply.grading.client.ConsumerRightsClient;
import org.livecomply.grading.client.IdentityClient;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.repository.DisposalRow;
import org.livecomply.grading.repository.OutboxEventRow;
import org.livecomply.grading.service.Outbox;
import org.livecomply.grading.service.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox events: blacklist entries to identity-service, idempotently (request_id = event id, so
 * a retry after a lost answer stores nothing twice). Each replica leases a few events at a time; a lease of
 * a crashed replica runs out. An unavailable identity is retried with exponential backoff (5 s doubling to
 * 1 h); a refusal (the request itself is wrong) marks the event FAILED and the disposal's delivery FAILED
 * for a person to see. The Art. 23 hand-off of a suspended or closed room's open orders goes to consumer-rights
 * the same way (request_id = event id; consumer-rights opens one case per order however often it arrives), and
 * so does the revocation of a blacklist entry whose disposal an appeal overturned.
 */
@Singleton
public class OutboxDeliveryJob {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDeliveryJob.class);

    private final OutboxEvents events;
    private final Outbox outbox;
    private final IdentityClient identity;
    private final ConsumerRightsClient consumerRights;
    private final Clock clock;
    private final String replica = UUID.randomUUID().toString();

    public OutboxDeliveryJob(OutboxEvents events, Outbox outbox, IdentityClient identity, ConsumerRightsClient consumerRights,
                             Clock clock) {
        this.events = events;
        this.outbox = outbox;
        this.identity = identity;
        this.consumerRights = consumerRights;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${livecomply.grading.outbox.interval:5s}", initialDelay = "${livecomply.grading.outbox.interval:5s}")
    public void onSchedule() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.error("Outbox delivery failed; the next run retries", e);
        }
    }

    /** Delivers what is due now; returns how many events were delivered. */
    public int deliverDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int delivered = 0;
        for (OutboxEventRow event : events.lease(replica, now, now.plus(LEASE), BATCH)) {
            if (deliver(event, now)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxEventRow event, Instant now) {
        Outbox.Kind kind;
        try {
            kind = Outbox.Kind.valueOf(event.kind());
        } catch (IllegalArgumentException e) {
            events.failed(event, replica, "no delivery for kind " + event.kind(), null);
            return false;
        }
        return switch (kind) {
            case IDENTITY_BLACKLIST_ENTRY -> createEntry(event, now);
            case IDENTITY_BLACKLIST_REVOCATION -> revokeEntry(event, now);
            case CONSUMER_ORDERS_HANDOFF -> handOver(event, now);
        };
    }

    /** Art. 14: the blacklist entry or re-registration ban decided here is stored in identity. */
    private boolean createEntry(OutboxEventRow event, Instant now) {
        String disposalId = event.source().substring(event.source().lastIndexOf('/') + 1);
        CreateBlacklistEntryRequest request;
        try {
            request = CreateBlacklistEntryRequest.parseFrom(outbox.payload(event));
        } catch (InvalidProtocolBufferException e) {
            events.failed(event, replica, "unreadable payload: " + e.getMessage(), disposalId);
            return false;
        }
        return attempt(event, now, IdentityClient.DEPENDENCY, disposalId, () -> {
            BlacklistEntry entry = identity.createBlacklistEntry(request);
            events.delivered(event, replica, clock.instant().truncatedTo(ChronoUnit.MICROS), disposalId, entry.getName());
            LOG.info("Blacklist entry {} stored in identity for {}", entry.getName(), event.source());
        });
    }

    /**
     * Art. 14: an appeal overturned the disposal, so identity ends the entry it stored. The entry must exist
     * there first: while its creation is still queued, the revocation waits for it.
     */
    private boolean revokeEntry(OutboxEventRow event, Instant now) {
        String disposalId = event.source().split("/")[3];
        DisposalRow disposal = events.disposal(disposalId).orElse(null);
        if (disposal == null || !Disposal.IdentityDelivery.DELIVERED.name().equals(disposal.identityDelivery())) {
            if (disposal != null && Disposal.IdentityDelivery.PENDING.name().equals(disposal.identityDelivery())) {
                events.retryLater(event, replica, now.plus(backoff(event.attempts())), "the blacklist entry is not stored in identity yet");
                return false;
            }
            events.handedOver(event, replica, now);
            LOG.info("Nothing to revoke in identity for {}: the entry was never stored", event.source());
            return true;
        }
        RevokeBlacklistEntryRequest request;
        try {
            request = RevokeBlacklistEntryRequest.parseFrom(outbox.payload(event)).toBuilder().setRequestId(event.eventId())
                    .setName(disposal.blacklistEntry()).setSource(event.source()).build();
        } catch (InvalidProtocolBufferException e) {
            events.failed(event, replica, "unreadable payload: " + e.getMessage(), null);
            return false;
        }
        return attempt(event, now, IdentityClient.DEPENDENCY, null, () -> {
            identity.revokeBlacklistEntry(request);
            events.revoked(event, replica, clock.instant().truncatedTo(ChronoUnit.MICROS), disposalId);
            LOG.info("Blacklist entry {} revoked in identity after {}", request.getName(), event.source());
        });
    }

    /** Art. 23: consumer-rights takes over the room's open orders. */
    private boolean handOver(OutboxEventRow event, Instant now) {
        ReceiveRoomDisposalRequest request;
        try {
            request = ReceiveRoomDisposalRequest.newBuilder().setRequestId(event.eventId())
                    .setHandoff(ConsumerOrdersHandoff.parseFrom(outbox.payload(event))).build();
        } catch (InvalidProtocolBufferException e) {
            events.failed(event, replica, "unreadable payload: " + e.getMessage(), null);
            return false;
        }
        return attempt(event, now, ConsumerRightsClient.DEPENDENCY, null, () -> {
            consumerRights.receiveRoomDisposal(request);
            events.handedOver(event, replica, clock.instant().truncatedTo(ChronoUnit.MICROS));
            LOG.info("Open orders of {} handed to consumer-rights (Art. 23)", event.source());
        });
    }

    /**
     * Runs one delivery: an unavailable receiver is retried later with backoff; a refusal (the request itself
     * is wrong) fails the event for good, and the disposal's delivery too when {@code disposalId} is given.
     */
    private boolean attempt(OutboxEventRow event, Instant now, String receiver, String disposalId, Runnable delivery) {
        try {
            delivery.run();
            return true;
        } catch (DependencyUnavailableException e) {
            Instant next = now.plus(backoff(event.attempts()));
            events.retryLater(event, replica, next, cut(String.valueOf(e.getCause())));
            LOG.warn("{} unavailable for {}; retrying at {}", receiver, event.source(), next);
        } catch (StatusRuntimeException e) {
            events.failed(event, replica, cut(e.getStatus().toString()), disposalId);
            LOG.error("{} refused {} of {}: {}", receiver, event.kind(), event.source(), e.getStatus());
        }
        return false;
    }

    static Duration backoff(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
