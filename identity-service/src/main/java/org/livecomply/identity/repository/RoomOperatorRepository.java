package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoomOperatorRepository extends CrudRepository<RoomOperatorRow, Long> {

    Optional<RoomOperatorRow> findByResourceId(String resourceId);

    /** Locks the row until the transaction ends, so verifications of one operator apply in order. */
    @Query("SELECT * FROM room_operators WHERE resource_id = :resourceId FOR UPDATE")
    Optional<RoomOperatorRow> lockByResourceId(String resourceId);

    Optional<RoomOperatorRow> findByUscc(String uscc);

    Optional<RoomOperatorRow> findByIdNumberIndex(String idNumberIndex);

    @Query("""
            UPDATE room_operators
            SET state = :state, last_verify_time = :lastVerifyTime, reverification_due_time = :dueTime, update_time = :now
            WHERE seq = :seq""")
    void updateVerification(long seq, String state, @Nullable Instant lastVerifyTime, @Nullable Instant dueTime, Instant now);

    /**
     * Keyset page: rows after {@code afterSeq}, oldest first, optionally filtered by kind and by the
     * effective state at {@code now} (due from {@code reminderHorizon} = now + reminder lead, overdue after
     * the deadline), the same rule as {@code VerificationPolicy.effective}.
     */
    @Query("""
            SELECT * FROM room_operators
            WHERE seq > :afterSeq
              AND (:kind IS NULL OR kind = :kind)
              AND (:state IS NULL
                   OR (:state IN ('PENDING_VERIFICATION', 'VERIFICATION_FAILED', 'SUSPENDED') AND state = :state)
                   OR (:state = 'VERIFIED' AND state = 'VERIFIED' AND reverification_due_time > :reminderHorizon)
                   OR (:state = 'REVERIFICATION_DUE' AND state = 'VERIFIED'
                       AND reverification_due_time <= :reminderHorizon AND reverification_due_time >= :now)
                   OR (:state = 'REVERIFICATION_OVERDUE' AND state = 'VERIFIED' AND reverification_due_time < :now))
            ORDER BY seq
            LIMIT :limit""")
    List<RoomOperatorRow> page(long afterSeq, @Nullable String state, @Nullable String kind, Instant now, Instant reminderHorizon, int limit);
}
