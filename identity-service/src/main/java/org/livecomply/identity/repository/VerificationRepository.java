package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface VerificationRepository extends GenericRepository<VerificationRow, Long> {

    VerificationRow save(VerificationRow row);

    @Query("SELECT COALESCE(MAX(number), 0) FROM verifications WHERE subject_type = :subjectType AND subject_seq = :subjectSeq")
    int lastNumber(String subjectType, long subjectSeq);

    /** Whether a passed check of the subject ran at or after {@code since}. */
    @Query("""
            SELECT COUNT(*) > 0 FROM verifications
            WHERE subject_type = :subjectType AND subject_seq = :subjectSeq AND result = 'PASSED' AND verify_time >= :since""")
    boolean passedSince(String subjectType, long subjectSeq, java.time.Instant since);

    Optional<VerificationRow> findBySubjectTypeAndSubjectSeqAndNumber(String subjectType, Long subjectSeq, int number);

    /** Newest first, before {@code beforeNumber}. */
    @Query("""
            SELECT * FROM verifications
            WHERE subject_type = :subjectType AND subject_seq = :subjectSeq AND number < :beforeNumber
            ORDER BY number DESC
            LIMIT :limit""")
    List<VerificationRow> page(String subjectType, long subjectSeq, int beforeNumber, int limit);
}
