package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Marketers registered before a time, page by page in seq order, for the Art. 9 report. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportMarketerRepository extends GenericRepository<MarketerRow, Long> {

    @Query("SELECT * FROM marketers WHERE seq > :afterSeq AND create_time < :before ORDER BY seq LIMIT :limit")
    List<MarketerRow> marketers(Instant before, long afterSeq, int limit);

    @Query("SELECT COUNT(*) FROM marketers WHERE create_time < :before")
    long countMarketers(Instant before);
}
