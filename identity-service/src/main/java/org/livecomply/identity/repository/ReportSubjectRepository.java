package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Room operators registered before a time, page by page in seq order, for the Art. 9 report. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportSubjectRepository extends GenericRepository<RoomOperatorRow, Long> {

    /** Natural persons ({@code naturalPersons}) or entities and individual businesses (not), registered before {@code before}. */
    @Query("""
            SELECT * FROM room_operators
            WHERE seq > :afterSeq AND create_time < :before AND (kind = 'NATURAL_PERSON') = :naturalPersons
            ORDER BY seq
            LIMIT :limit""")
    List<RoomOperatorRow> roomOperators(boolean naturalPersons, Instant before, long afterSeq, int limit);

    @Query("SELECT COUNT(*) FROM room_operators WHERE create_time < :before AND (kind = 'NATURAL_PERSON') = :naturalPersons")
    long countRoomOperators(boolean naturalPersons, Instant before);
}
