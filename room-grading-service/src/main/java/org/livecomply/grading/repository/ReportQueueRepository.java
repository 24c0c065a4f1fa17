package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportQueueRepository extends CrudRepository<ReportQueueRow, Long> {

    /** Takes every unbatched entry of the level into the batch; returns how many. */
    @Query("UPDATE disposal_report_queue SET batch_seq = :batchSeq WHERE level = :level AND batch_seq IS NULL")
    int takeInto(String level, long batchSeq);

    @Query("SELECT COUNT(*) FROM disposal_report_queue WHERE level = :level AND batch_seq IS NULL")
    long pending(String level);

    /** A page of a batch's entries in queue order. */
    @Query("SELECT * FROM disposal_report_queue WHERE batch_seq = :batchSeq AND seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<ReportQueueRow> ofBatch(long batchSeq, long afterSeq, int limit);
}
