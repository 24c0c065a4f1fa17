package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoomOperatorRepository extends CrudRepository<RoomOperatorRow, Long> {

    Optional<RoomOperatorRow> findByResourceId(String resourceId);

    Optional<RoomOperatorRow> findByUscc(String uscc);

    Optional<RoomOperatorRow> findByIdNumberIndex(String idNumberIndex);

    /** Keyset page: rows after {@code afterSeq}, oldest first, optionally filtered. */
    @Query("""
            SELECT * FROM room_operators
            WHERE seq > :afterSeq
              AND (:state IS NULL OR state = :state)
              AND (:kind IS NULL OR kind = :kind)
            ORDER BY seq
            LIMIT :limit""")
    List<RoomOperatorRow> page(long afterSeq, @Nullable String state, @Nullable String kind, int limit);
}
