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
public interface UnreachableNoticeRepository extends CrudRepository<UnreachableNoticeRow, Long> {

    Optional<UnreachableNoticeRow> findByResourceId(String resourceId);

    @Query("SELECT * FROM unreachable_notices WHERE resource_id = :resourceId FOR UPDATE")
    Optional<UnreachableNoticeRow> lockByResourceId(String resourceId);

    @Query("""
            UPDATE unreachable_notices SET state = :state, remind_time = :remindTime, note = :note, update_time = :now
            WHERE seq = :seq""")
    void move(long seq, String state, @Nullable Instant remindTime, String note, Instant now);

    /** Keyset page; with {@code overdueAt} set, only notices still open at that time past their reminder deadline. */
    @Query("""
            SELECT * FROM unreachable_notices
            WHERE seq > :afterSeq AND (:overdueAt IS NULL OR (state = 'OPEN' AND reminder_deadline <= :overdueAt))
            ORDER BY seq
            LIMIT :limit""")
    List<UnreachableNoticeRow> page(long afterSeq, @Nullable Instant overdueAt, int limit);
}
