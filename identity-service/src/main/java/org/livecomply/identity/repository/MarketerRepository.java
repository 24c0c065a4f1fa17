package org.livecomply.identity.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MarketerRepository extends CrudRepository<MarketerRow, Long> {

    Optional<MarketerRow> findByResourceId(String resourceId);

    List<MarketerRow> findByResourceIdIn(Collection<String> resourceIds);

    @Query("SELECT * FROM marketers WHERE resource_id = :resourceId FOR UPDATE")
    Optional<MarketerRow> lockByResourceId(String resourceId);

    Optional<MarketerRow> findByIdNumberIndex(String idNumberIndex);

    @Query("UPDATE marketers SET state = :state, last_verify_time = :lastVerifyTime, update_time = :now WHERE seq = :seq")
    void updateVerification(long seq, String state, @Nullable Instant lastVerifyTime, Instant now);

    @Query("UPDATE marketers SET update_time = :now WHERE seq = :seq")
    void touch(long seq, Instant now);

    @Query("""
            SELECT * FROM marketers
            WHERE seq > :afterSeq AND (:state IS NULL OR state = :state)
            ORDER BY seq
            LIMIT :limit""")
    List<MarketerRow> page(long afterSeq, @Nullable String state, int limit);
}
