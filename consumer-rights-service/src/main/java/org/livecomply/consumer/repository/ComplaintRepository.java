package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ComplaintRepository extends CrudRepository<ComplaintRow, Long> {

    Optional<ComplaintRow> findByNumber(String number);

    @Query("SELECT * FROM complaints WHERE number = :number FOR UPDATE")
    Optional<ComplaintRow> lock(String number);

    @Query("SELECT * FROM complaints WHERE seq = :seq FOR UPDATE")
    Optional<ComplaintRow> lockSeq(long seq);

    List<ComplaintRow> findByDisposalOrderBySeq(String disposal);

    @Query("""
            UPDATE complaints SET state = :state, resume_state = :resumeState, waiting_on = :waitingOn, next_deadline = :nextDeadline,
                   update_time = :updateTime, close_time = :closeTime
            WHERE seq = :seq""")
    void updateState(long seq, String state, @Nullable String resumeState, @Nullable String waitingOn, @Nullable Instant nextDeadline,
                     Instant updateTime, @Nullable Instant closeTime);

    @Query("UPDATE complaints SET resolution = :resolution, substantiated = :substantiated WHERE seq = :seq")
    void updateResolution(long seq, String resolution, boolean substantiated);

    @Query("UPDATE complaints SET room = :room, update_time = :updateTime WHERE seq = :seq")
    void updateRoom(long seq, String room, Instant updateTime);

    @Query("UPDATE complaints SET rejection_reason = :reason WHERE seq = :seq")
    void updateRejection(long seq, String reason);

    @Query("UPDATE complaints SET regulator_clue = :clue WHERE seq = :seq")
    void updateRegulatorClue(long seq, String clue);

    @Query("UPDATE complaints SET abuse_flagged = TRUE, abuse_reason = :reason, update_time = :updateTime WHERE seq = :seq")
    void flagAbuse(long seq, String reason, Instant updateTime);

    @Query("UPDATE complaints SET abuse_flagged = FALSE, abuse_reason = NULL, update_time = :updateTime WHERE seq = :seq")
    void clearAbuse(long seq, Instant updateTime);

    /** Complaints (not Art. 23 hand-off cases) of the same contact or buyer reference filed at or after {@code since}, newest first. */
    @Query("""
            SELECT * FROM complaints
            WHERE create_time >= :since AND channel <> 'ROOM_DISPOSAL'
              AND ((:contactIndex IS NOT NULL AND contact_index = :contactIndex) OR (:buyerRef IS NOT NULL AND buyer_ref = :buyerRef))
            ORDER BY create_time DESC, seq DESC
            LIMIT :limit""")
    List<ComplaintRow> sameComplainantSince(@Nullable String contactIndex, @Nullable String buyerRef, Instant since, int limit);

    /** Complaints (not Art. 23 hand-off cases) about {@code orderId} filed at or after {@code since}, newest first. */
    @Query("""
            SELECT * FROM complaints
            WHERE order_id = :orderId AND create_time >= :since AND channel <> 'ROOM_DISPOSAL'
            ORDER BY create_time DESC, seq DESC
            LIMIT :limit""")
    List<ComplaintRow> sameOrderSince(String orderId, Instant since, int limit);

    @Query("UPDATE complaints SET legal_hold = :legalHold, legal_hold_name = :legalHoldName WHERE seq = :seq")
    void updateLegalHold(long seq, String legalHold, @Nullable String legalHoldName);

    @Query("UPDATE complaints SET grading_signal = :gradingSignal WHERE seq = :seq")
    void updateGradingSignal(long seq, String gradingSignal);

    /** Keyset page, oldest first; null filters match everything; {@code overdueAt} keeps open complaints past a deadline then. */
    @Query("""
            SELECT * FROM complaints
            WHERE seq > :afterSeq
              AND (:state IS NULL OR state = :state)
              AND (:channel IS NULL OR channel = :channel)
              AND (:orderId IS NULL OR order_id = :orderId)
              AND (:overdueAt IS NULL OR (next_deadline IS NOT NULL AND next_deadline <= :overdueAt
                   AND state NOT IN ('RESOLVED', 'REJECTED', 'ESCALATED')))
            ORDER BY seq
            LIMIT :limit""")
    List<ComplaintRow> page(long afterSeq, @Nullable String state, @Nullable String channel, @Nullable String orderId,
                            @Nullable Instant overdueAt, int limit);
}
