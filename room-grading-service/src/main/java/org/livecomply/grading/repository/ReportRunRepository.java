package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** The INSERT on the run key is the lock between replicas. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportRunRepository extends GenericRepository<ReportRunRow, String> {

    /** Fails with an integrity violation when the run is already claimed. */
    ReportRunRow save(ReportRunRow row);

    @Query("""
            UPDATE report_runs SET claimed_by = :claimedBy, claim_time = :now
            WHERE run_key = :runKey AND complete_time IS NULL AND claim_time < :staleBefore""")
    int takeOver(String runKey, String claimedBy, Instant now, Instant staleBefore);

    @Query("UPDATE report_runs SET complete_time = :now, directory = :directory WHERE run_key = :runKey AND claimed_by = :claimedBy")
    int complete(String runKey, String claimedBy, Instant now, String directory);

    @Query("DELETE FROM report_runs WHERE run_key = :runKey AND claimed_by = :claimedBy AND complete_time IS NULL")
    int release(String runKey, String claimedBy);
}
