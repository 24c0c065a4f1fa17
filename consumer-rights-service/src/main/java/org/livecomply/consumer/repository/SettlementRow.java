package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A settlement proposal (ECL Art. 63) and the parties' answers as relayed. Enums by name. */
@MappedEntity("settlements")
public record SettlementRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        long complaintSeq,
        String terms,
        @Nullable Long amountFen,
        String merchant,
        String state,
        String proposedBy,
        Instant proposeTime,
        @Nullable String consumerDecision,
        @Nullable String consumerNote,
        @Nullable String consumerRecordedBy,
        @Nullable Instant consumerAnswerTime,
        @Nullable String merchantDecision,
        @Nullable String merchantNote,
        @Nullable String merchantRecordedBy,
        @Nullable Instant merchantAnswerTime,
        @Nullable Instant closeTime) {
}
