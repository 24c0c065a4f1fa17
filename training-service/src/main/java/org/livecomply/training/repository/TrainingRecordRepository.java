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
public interface TrainingRecordRepository extends GenericRepository<TrainingRecordRow, Long> {

    TrainingRecordRow save(TrainingRecordRow row);

    Optional<TrainingRecordRow> findByResourceId(String resourceId);

    Optional<TrainingRecordRow> findByCertificateId(String certificateId);

    /** Passed, non-voided records of these subjects completed by {@code at} (index on subject, complete_time). */
    @Query("""
            SELECT r.* FROM training_records r
            WHERE r.subject IN (:subjects) AND r.complete_time <= :at AND r.passed = TRUE
              AND NOT EXISTS (SELECT 1 FROM training_record_voids v WHERE v.record_seq = r.seq)""")
    List<TrainingRecordRow> passed(Collection<String> subjects, Instant at);

    /** Oldest first; {@code state}: '' any, 'ACTIVE' not voided, 'VOIDED' voided. */
    @Query("""
            SELECT r.* FROM training_records r
            WHERE r.seq > :afterSeq AND (:subject = '' OR r.subject = :subject)
              AND (:state = ''
                   OR (:state = 'VOIDED') = EXISTS (SELECT 1 FROM training_record_voids v WHERE v.record_seq = r.seq))
            ORDER BY r.seq LIMIT :limit""")
    List<TrainingRecordRow> page(long afterSeq, String subject, String state, int limit);
}
