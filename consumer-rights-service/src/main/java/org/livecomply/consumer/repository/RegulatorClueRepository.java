package org.livecomply.consumer.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RegulatorClueRepository extends CrudRepository<RegulatorClueRow, Long> {

    Optional<RegulatorClueRow> findByResourceId(String resourceId);

    Optional<RegulatorClueRow> findByComplaintSeq(long complaintSeq);

    @Query("SELECT * FROM regulator_clues WHERE seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<RegulatorClueRow> page(long afterSeq, int limit);

    @Query("SELECT COUNT(*) FROM regulator_clues WHERE create_time >= :start AND create_time < :end")
    long countBetween(Instant start, Instant end);

    @Query("""
            SELECT * FROM regulator_clues WHERE create_time >= :start AND create_time < :end AND seq > :afterSeq
            ORDER BY seq LIMIT :limit""")
    List<RegulatorClueRow> between(Instant start, Instant end, long afterSeq, int limit);
}
