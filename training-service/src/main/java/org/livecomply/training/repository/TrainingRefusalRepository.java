package org.livecomply.training.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface TrainingRefusalRepository extends GenericRepository<TrainingRefusalRow, Long> {

    TrainingRefusalRow save(TrainingRefusalRow row);

    Optional<TrainingRefusalRow> findByResourceId(String resourceId);

    @Query("SELECT DISTINCT course_code FROM training_refusals WHERE subject = :subject AND refuse_time <= :at")
    List<String> codesRefusedBy(String subject, Instant at);

    @Query("SELECT * FROM training_refusals WHERE subject IN (:subjects) AND refuse_time >= :from AND refuse_time <= :to")
    List<TrainingRefusalRow> between(Collection<String> subjects, Instant from, Instant to);

    @Query("""
            SELECT * FROM training_refusals WHERE seq > :afterSeq AND (:subject = '' OR subject = :subject)
            ORDER BY seq LIMIT :limit""")
    List<TrainingRefusalRow> page(long afterSeq, String subject, int limit);
}
