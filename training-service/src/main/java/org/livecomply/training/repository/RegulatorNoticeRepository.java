package org.livecomply.training.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
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

    /** Every notice to {@code audience}, oldest first (a few a year). */
    @Query("SELECT * FROM regulator_notices n WHERE FIND_IN_SET(:audience, n.audiences) > 0 ORDER BY n.seq")
    List<RegulatorNoticeRow> toAudience(String audience);
}
