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
public interface DisclosureChangeRepository extends CrudRepository<DisclosureChangeRow, Long> {

    @Query("SELECT COALESCE(MAX(number), 0) FROM disclosure_changes WHERE room_operator_seq = :roomOperatorSeq")
    int lastNumber(long roomOperatorSeq);

    Optional<DisclosureChangeRow> findByRoomOperatorIdAndNumber(String roomOperatorId, int number);

    @Query("""
            SELECT * FROM disclosure_changes WHERE room_operator_id = :roomOperatorId AND number = :number FOR UPDATE""")
    Optional<DisclosureChangeRow> lock(String roomOperatorId, int number);

    @Query("""
            UPDATE disclosure_changes SET state = :state, complete_time = :completeTime, completed_by = :completedBy,
                   completion_note = :completionNote
            WHERE seq = :seq""")
    void complete(long seq, String state, Instant completeTime, String completedBy, String completionNote);

    /** Keyset page; with {@code overdueBefore} set, only changes still pending at that time past their deadline. */
    @Query("""
            SELECT * FROM disclosure_changes
            WHERE seq > :afterSeq
              AND (:overdueAt IS NULL OR (state = 'PENDING_VERIFICATION' AND verification_deadline <= :overdueAt))
            ORDER BY seq
            LIMIT :limit""")
    List<DisclosureChangeRow> page(long afterSeq, @Nullable Instant overdueAt, int limit);
}
