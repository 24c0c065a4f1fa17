package org.livecomply.commons.report;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** Claims of the scheduled report job: the INSERT on the period key is the lock between replicas. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportRunRepository extends GenericRepository<ReportRunRow, String> {

    /** Fails with an integrity violation when the period is already claimed. */
    ReportRunRow save(ReportRunRow row);

    Optional<ReportRunRow> findById(String periodKey);

    /** Takes over a claim that never completed and is older than {@code staleBefore}; 1 when taken. */
    @Query("""
            UPDATE report_runs SET claimed_by = :claimedBy, claim_time = :now
            WHERE period_key = :periodKey AND complete_time IS NULL AND claim_time < :staleBefore""")
    int takeOver(String periodKey, String claimedBy, Instant now, Instant staleBefore);

    @Query("""
            UPDATE report_runs SET complete_time = :now, directory = :directory
            WHERE period_key = :periodKey AND claimed_by = :claimedBy""")
    int complete(String periodKey, String claimedBy, Instant now, String directory);

    /** Gives a failed claim back, so a later run retries the period. */
    @Query("DELETE FROM report_runs WHERE period_key = :periodKey AND claimed_by = :claimedBy AND complete_time IS NULL")
    int release(String periodKey, String claimedBy);
}
