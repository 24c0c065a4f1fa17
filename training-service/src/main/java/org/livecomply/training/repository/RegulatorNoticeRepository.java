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

    /** Notices to {@code audience} whose deadline passed by {@code at} without the subject's read receipt by then (Art. 10 ¶2). */
    @Query("""
            SELECT resource_id FROM regulator_notices n
            WHERE FIND_IN_SET(:audience, n.audiences) > 0 AND n.acknowledge_deadline <= :at
              AND NOT EXISTS (SELECT 1 FROM notice_acknowledgements a
                              WHERE a.notice_seq = n.seq AND a.subject = :subject AND a.acknowledge_time <= :at)
            ORDER BY n.seq""")
    List<String> overdueFor(String subject, String audience, Instant at);
}
