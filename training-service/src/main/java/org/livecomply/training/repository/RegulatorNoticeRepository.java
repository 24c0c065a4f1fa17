package org.livecomply.training.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notices are immutable: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegulatorNoticeRepository extends GenericRepository<RegulatorNoticeRow, Long> {

    RegulatorNoticeRow save(RegulatorNoticeRow row);

    Optional<RegulatorNoticeRow> findByResourceId(String resourceId);

    /** Newest first, before {@code beforeSeq}. */
    @Query("SELECT * FROM regulator_notices WHERE seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
    List<RegulatorNoticeRow> page(long beforeSeq, int limit);

    /** Notices to {@code audience} whose read-receipt deadline passed by {@code at}, oldest first. */
    @Query("""
            SELECT * FROM regulator_notices n
            WHERE FIND_IN_SET(:audience, n.audiences) > 0 AND n.acknowledge_deadline <= :at
            ORDER BY n.seq""")
    List<RegulatorNoticeRow> dueBy(String audience, Instant at);
}
