package org.livecomply.consumer.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ComplaintEventRepository extends CrudRepository<ComplaintEventRow, Long> {

    List<ComplaintEventRow> findByComplaintSeqOrderBySeq(long complaintSeq);

    @Query("SELECT * FROM complaint_events WHERE complaint_seq = :complaintSeq AND seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<ComplaintEventRow> page(long complaintSeq, long afterSeq, int limit);
}
