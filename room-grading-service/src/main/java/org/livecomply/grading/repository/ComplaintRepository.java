package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ComplaintRepository extends CrudRepository<ComplaintRow, Long> {

    Optional<ComplaintRow> findByComplaintId(String complaintId);

    @Query("SELECT verify_time FROM verified_complaints WHERE room_seq = :roomSeq AND verify_time > :since")
    List<Instant> verifyTimesSince(long roomSeq, Instant since);
}
