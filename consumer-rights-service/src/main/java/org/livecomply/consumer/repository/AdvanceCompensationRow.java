package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A complaint's advance compensation; the payment never changes, the recovery columns do. Enums by name. */
@MappedEntity("advance_compensations")
public record AdvanceCompensationRow(
        @Id @GeneratedValue @Nullable Long seq,
        long complaintSeq,
        long amountFen,
        String payer,
        String paymentRef,
        Instant payTime,
        String reason,
        @Nullable String merchant,
        String recordedBy,
        Instant recordTime,
        String recoveryState,
        long recoveredFen,
        @Nullable String writeOffReason,
        Instant updateTime) {
}
