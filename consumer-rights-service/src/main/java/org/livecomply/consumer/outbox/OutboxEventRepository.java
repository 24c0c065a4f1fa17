package org.livecomply.consumer.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OutboxEventRepository extends CrudRepository<OutboxEventRow, Long> {

    /**
     * Due events nobody holds a live lease on, locked for the claiming transaction; rows another replica is
     * claiming right now are skipped instead of waited for (MySQL 8, MariaDB 10.6+).
     */
    @Query("""
            SELECT * FROM outbox_events
            WHERE status = 'PENDING' AND next_attempt_time <= :now AND (lease_until IS NULL OR lease_until <= :now)
            ORDER BY seq
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""")
    List<OutboxEventRow> lockDue(Instant now, int limit);

    @Query("UPDATE outbox_events SET lease_owner = :owner, lease_until = :until WHERE seq = :seq")
    void lease(long seq, String owner, Instant until);

    @Query("SELECT * FROM outbox_events WHERE seq = :seq AND lease_owner = :owner FOR UPDATE")
    Optional<OutboxEventRow> lockLeased(long seq, String owner);

    @Query("""
            UPDATE outbox_events SET status = :status, attempts = attempts + 1, next_attempt_time = :nextAttemptTime,
                   lease_owner = NULL, lease_until = NULL, last_error = :lastError, deliver_time = :deliverTime
            WHERE seq = :seq""")
    void finishAttempt(long seq, String status, Instant nextAttemptTime, @Nullable String lastError, @Nullable Instant deliverTime);

    List<OutboxEventRow> findBySubjectOrderBySeq(String subject);

    Optional<OutboxEventRow> findByEventId(String eventId);
}
