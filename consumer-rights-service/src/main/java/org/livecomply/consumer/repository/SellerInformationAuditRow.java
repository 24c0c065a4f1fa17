package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** records: the disclosed archive records' names, space-separated. Inserted, never updated. */
@MappedEntity("seller_information_audits")
public record SellerInformationAuditRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        long complaintSeq,
        String requestedBy,
        String roomOperator,
        @Nullable String marketer,
        String identityDisclosureAudit,
        @Nullable String orderId,
        String records,
        long checkpointTreeSize,
        Instant requestTime,
        Instant answerTime,
        Instant targetTime) {
}
