package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DisclosureAuditRepository extends GenericRepository<DisclosureAuditRow, Long> {

    DisclosureAuditRow save(DisclosureAuditRow row);

    /** Newest first, before {@code beforeSeq}. */
    @Query("""
            SELECT * FROM disclosure_audits
            WHERE seq < :beforeSeq
              AND (:roomOperatorId IS NULL OR room_operator_id = :roomOperatorId)
              AND (:startTime IS NULL OR disclose_time >= :startTime)
            ORDER BY seq DESC
            LIMIT :limit""")
    List<DisclosureAuditRow> page(long beforeSeq, @Nullable String roomOperatorId, @Nullable Instant startTime, int limit);
}
