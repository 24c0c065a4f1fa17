package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A complaint; enums by name; contact_cipher is the encrypted contact (PiiCipher, field complaints.contact),
 * contact_index its keyed blind index (for the Art. 20 ¶1 abuse check).
 */
@MappedEntity("complaints")
public record ComplaintRow(
        @Id @GeneratedValue @Nullable Long seq,
        String number,
        String channel,
        String category,
        String description,
        @Nullable String orderId,
        @Nullable String room,
        @Nullable String roomOperator,
        @Nullable String marketer,
        @Nullable String requestedRemedy,
        @Nullable String contactCipher,
        @Nullable String contactIndex,
        @Nullable String buyerRef,
        String tokenSalt,
        String tokenHash,
        String state,
        @Nullable String resumeState,
        @Nullable String waitingOn,
        int acknowledgeDays,
        int firstResponseDays,
        int resolveDays,
        boolean merchantPauses,
        @Nullable Instant nextDeadline,
        boolean abuseFlagged,
        @Nullable String abuseReason,
        @Nullable String resolution,
        boolean substantiated,
        @Nullable String rejectionReason,
        @Nullable String regulatorClue,
        String legalHold,
        @Nullable String legalHoldName,
        String gradingSignal,
        @Nullable String disposal,
        Instant createTime,
        Instant updateTime,
        @Nullable Instant closeTime) {
}
