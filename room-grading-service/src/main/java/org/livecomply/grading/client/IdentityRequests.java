package org.livecomply.grading.client;

import java.time.Instant;
import org.livecomply.api.identity.v1.BlacklistEntry;
import org.livecomply.api.identity.v1.CreateBlacklistEntryRequest;
import org.livecomply.grading.domain.Disposal;
import org.livecomply.grading.domain.SubjectIdentity;
import org.livecomply.grading.grpc.ProtoValues;

/** The requests room-grading sends identity-service through the outbox. */
public final class IdentityRequests {

    static final int MAX_REASON = 2000;

    private IdentityRequests() {
    }

    /**
     * The blacklist entry a blacklist or re-registration ban needs (Art. 14: facts, reasons, legal basis,
     * duration, appeal channel), idempotent by the outbox event id.
     */
    public static CreateBlacklistEntryRequest blacklistEntry(String eventId, Disposal disposal, SubjectIdentity identity) {
        BlacklistEntry.Builder entry = BlacklistEntry.newBuilder()
                .setIdentityType(identity.type() == SubjectIdentity.Type.USCC ? BlacklistEntry.IdentityType.IDENTITY_TYPE_USCC
                        : BlacklistEntry.IdentityType.IDENTITY_TYPE_RESIDENT_ID)
                .setIdentity(identity.normalised())
                .setReason(cut(disposal.measure() + ". Facts: " + disposal.facts() + " Reasons: " + disposal.reasons()))
                .setLegalBasis(disposal.legalBasis())
                .setAppealChannel(disposal.appealChannel())
                .setSource(disposal.name())
                .setStartTime(ProtoValues.timestamp(disposal.startTime()));
        Instant end = disposal.endTime();
        if (end != null) {
            entry.setEndTime(ProtoValues.timestamp(end));
        }
        return CreateBlacklistEntryRequest.newBuilder().setRequestId(eventId).setBlacklistEntry(entry).build();
    }

    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_REASON) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_REASON - 1)) + "…";
    }
}
