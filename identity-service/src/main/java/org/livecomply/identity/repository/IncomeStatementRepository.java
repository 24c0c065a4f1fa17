package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface IncomeStatementRepository extends GenericRepository<IncomeStatementRow, Long> {

    IncomeStatementRow save(IncomeStatementRow row);

    Optional<IncomeStatementRow> findByResourceId(String resourceId);

    @Query("""
            SELECT COALESCE(MAX(revision), 0) FROM income_statements
            WHERE subject_type = :subjectType AND subject_seq = :subjectSeq AND report_year = :reportYear AND report_quarter = :reportQuarter""")
    int lastRevision(String subjectType, long subjectSeq, int reportYear, int reportQuarter);

    /** Every revision of the quarter for these subjects (one report page's worth). */
    List<IncomeStatementRow> findBySubjectTypeAndReportYearAndReportQuarterAndSubjectSeqIn(String subjectType, int reportYear,
                                                                                          int reportQuarter, Collection<Long> subjectSeq);
}
