package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxEventRepository extends CrudRepository<OutboxEventRow, Long> {

    /**
     * Leases up to {@code limit} due pending events to {@code owner} until {@code leaseUntil}: a replica
     * delivers only what it leased, and a lease left by a crashed replica runs out.
     */
    @Query("""
            UPDATE outbox_events SET lease_owner = :owner, lease_until = :leaseUntil
            WHERE status = 'PENDING' AND next_attempt_time <= :now AND (lease_until IS NULL OR lease_until < :now)
            ORDER BY seq LIMIT :limit""")
    int lease(String owner, Instant now, Instant leaseUntil, int limit);

    @Query("SELECT * FROM outbox_events WHERE lease_owner = :owner AND status = 'PENDING' AND lease_until >= :now ORDER BY seq")
    List<OutboxEventRow> leasedTo(String owner, Instant now);

    @Query("""
            UPDATE outbox_events SET status = 'DELIVERED', deliver_time = :now, attempts = attempts + 1, lease_owner = NULL,
                   lease_until = NULL, last_error = NULL
            WHERE seq = :seq AND lease_owner = :owner""")
    int delivered(long seq, String owner, Instant now);

    @Query("""
            UPDATE outbox_events SET attempts = attempts + 1, next_attempt_time = :nextAttempt, last_error = :error,
                   lease_owner = NULL, lease_until = NULL
            WHERE seq = :seq AND lease_owner = :owner""")
    int retryLater(long seq, String owner, Instant nextAttempt, String error);

    @Query("""
            UPDATE outbox_events SET status = 'FAILED', attempts = attempts + 1, last_error = :error, lease_owner = NULL, lease_until = NULL
            WHERE seq = :seq AND lease_owner = :owner""")
    int failed(long seq, String owner, String error);

    List<OutboxEventRow> findBySource(String source);
}
