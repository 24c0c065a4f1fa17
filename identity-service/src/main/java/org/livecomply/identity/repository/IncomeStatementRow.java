package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One income statement of a subject for a quarter (State Council Order 810). Inserted, never updated. */
@MappedEntity("income_statements")
public record IncomeStatementRow(
        @Id @GeneratedValue @Nullable Long seq,
        String resourceId,
        String subjectType,
        long subjectSeq,
        String subjectId,
        int reportYear,
        int reportQuarter,
        int revision,
        long grossIncomeFen,
        long refundsFen,
        long transactionCount,
        String recordedBy,
        Instant recordTime) {
}
