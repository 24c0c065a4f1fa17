package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoomOperatorRevisionRepository extends GenericRepository<RoomOperatorRevisionRow, Long> {

    RoomOperatorRevisionRow save(RoomOperatorRevisionRow row);

    @Query("SELECT COALESCE(MAX(number), 0) FROM room_operator_revisions WHERE room_operator_seq = :roomOperatorSeq")
    int lastNumber(long roomOperatorSeq);

    /** Newest first, before {@code beforeNumber}. */
    @Query("""
            SELECT * FROM room_operator_revisions
            WHERE room_operator_seq = :roomOperatorSeq AND number < :beforeNumber
            ORDER BY number DESC
            LIMIT :limit""")
    List<RoomOperatorRevisionRow> page(long roomOperatorSeq, int beforeNumber, int limit);
}
