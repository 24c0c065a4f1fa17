package org.livecomply.training.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportExportRepository extends GenericRepository<ReportExportRow, Long> {

    ReportExportRow save(ReportExportRow row);

    /** Newest first, before {@code beforeSeq}. */
    @Query("SELECT * FROM report_exports WHERE seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
    List<ReportExportRow> page(long beforeSeq, int limit);
}
