package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Append-only, except the count written once the batch's entries were taken in the same transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportBatchRepository extends GenericRepository<ReportBatchRow, Long> {

    ReportBatchRow save(ReportBatchRow row);

    Optional<ReportBatchRow> findByResourceId(String resourceId);

    @Query("UPDATE disposal_report_batches SET disposal_count = :count WHERE seq = :seq")
    void setCount(long seq, long count);

    @Query("SELECT * FROM disposal_report_batches WHERE seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
    List<ReportBatchRow> page(long beforeSeq, int limit);
}
