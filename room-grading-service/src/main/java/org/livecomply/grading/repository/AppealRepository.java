package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AppealRepository extends CrudRepository<AppealRow, Long> {

    Optional<AppealRow> findByResourceId(String resourceId);

    @Query("SELECT * FROM appeals WHERE resource_id = :resourceId FOR UPDATE")
    Optional<AppealRow> lock(String resourceId);

    @Query("SELECT * FROM appeals WHERE seq > :afterSeq AND (:pendingOnly = FALSE OR state = 'PENDING') ORDER BY seq LIMIT :limit")
    List<AppealRow> page(long afterSeq, boolean pendingOnly, int limit);

    @Query("""
            UPDATE appeals SET state = :state, pending_disposal_seq = NULL, decision_reason = :reason, decided_by = :decidedBy,
                   decide_time = :decideTime, result_notice = :notice
            WHERE seq = :seq AND state = 'PENDING'""")
    int decide(long seq, String state, String reason, String decidedBy, Instant decideTime, String notice);
}
