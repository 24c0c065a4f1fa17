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
public interface BlacklistEntryRepository extends CrudRepository<BlacklistEntryRow, Long> {

    Optional<BlacklistEntryRow> findByResourceId(String resourceId);

    @Query("SELECT * FROM blacklist_entries WHERE resource_id = :resourceId FOR UPDATE")
    Optional<BlacklistEntryRow> lockByResourceId(String resourceId);

    @Query("UPDATE blacklist_entries SET revoke_time = :revokeTime, revoke_reason = :reason, revoke_source = :source WHERE seq = :seq AND revoke_time IS NULL")
    int revoke(long seq, Instant revokeTime, String reason, String source);

    /** Entries in force at {@code now} for any of the identity keys (Art. 14). */
    @Query("""
            SELECT * FROM blacklist_entries
            WHERE identity_key IN (:identityKeys) AND start_time <= :now AND (end_time IS NULL OR end_time > :now)
              AND (revoke_time IS NULL OR revoke_time > :now)
            ORDER BY seq""")
    List<BlacklistEntryRow> activeFor(Collection<String> identityKeys, Instant now);

    /** Keyset page, optionally only entries in a state at {@code now}: ACTIVE, SCHEDULED, EXPIRED or REVOKED. */
    @Query("""
            SELECT * FROM blacklist_entries
            WHERE seq > :afterSeq
              AND (:state IS NULL
                   OR (:state = 'REVOKED' AND revoke_time <= :now)
                   OR ((revoke_time IS NULL OR revoke_time > :now)
                       AND ((:state = 'ACTIVE' AND start_time <= :now AND (end_time IS NULL OR end_time > :now))
                            OR (:state = 'SCHEDULED' AND start_time > :now)
                            OR (:state = 'EXPIRED' AND end_time <= :now))))
            ORDER BY seq
            LIMIT :limit""")
    List<BlacklistEntryRow> page(long afterSeq, @Nullable String state, Instant now, int limit);
}
