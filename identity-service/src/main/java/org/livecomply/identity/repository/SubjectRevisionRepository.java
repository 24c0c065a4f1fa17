package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SubjectRevisionRepository extends GenericRepository<SubjectRevisionRow, Long> {

    SubjectRevisionRow save(SubjectRevisionRow row);

    @Query("SELECT COALESCE(MAX(number), 0) FROM subject_revisions WHERE subject_type = :subjectType AND subject_seq = :subjectSeq")
    int lastNumber(String subjectType, long subjectSeq);

    /** Newest first, before {@code beforeNumber}. */
    @Query("""
            SELECT * FROM subject_revisions
            WHERE subject_type = :subjectType AND subject_seq = :subjectSeq AND number < :beforeNumber
            ORDER BY number DESC
            LIMIT :limit""")
    List<SubjectRevisionRow> page(String subjectType, long subjectSeq, int beforeNumber, int limit);
}
