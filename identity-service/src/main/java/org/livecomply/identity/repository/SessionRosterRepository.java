package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionRosterRepository extends CrudRepository<SessionRosterRow, Long> {

    Optional<SessionRosterRow> findByRoomOperatorSeqAndSessionId(Long roomOperatorSeq, String sessionId);

    /** The roster's marketers as resource ids, in submitted order. */
    @Query("""
            SELECT m.resource_id FROM session_roster_marketers r JOIN marketers m ON m.seq = r.marketer_seq
            WHERE r.roster_seq = :rosterSeq ORDER BY r.position""")
    List<String> marketerIds(long rosterSeq);
}
