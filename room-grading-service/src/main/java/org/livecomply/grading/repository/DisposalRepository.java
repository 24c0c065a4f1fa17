package org.livecomply.grading.repository;

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
public interface DisposalRepository extends CrudRepository<DisposalRow, Long> {

    Optional<DisposalRow> findByResourceId(String resourceId);

    List<DisposalRow> findBySeqIn(Collection<Long> seqs);

    @Query("SELECT * FROM disposals WHERE resource_id = :resourceId FOR UPDATE")
    Optional<DisposalRow> lock(String resourceId);

    /** Measures of the room in force at {@code now} (not revoked, started, not ended), oldest first. */
    @Query("""
            SELECT * FROM disposals WHERE room_seq = :roomSeq AND start_time <= :now AND (end_time IS NULL OR end_time > :now)
              AND (revoke_time IS NULL OR revoke_time > :now) AND measure <> 'WARNING'
            ORDER BY seq""")
    List<DisposalRow> inForce(long roomSeq, Instant now);

    /**
     * Newest first, optionally only those in a state at {@code now}: SCHEDULED, ACTIVE, EXPIRED, ISSUED, REVOKED
     * (the same derivation as Disposal.stateAt).
     */
    @Query("""
            SELECT * FROM disposals
            WHERE room_seq = :roomSeq AND seq < :beforeSeq
              AND (:state IS NULL
                   OR (:state = 'REVOKED' AND revoke_time IS NOT NULL AND revoke_time <= :now)
                   OR ((revoke_time IS NULL OR revoke_time > :now) AND (
                          (:state = 'SCHEDULED' AND start_time > :now)
                       OR (:state = 'ISSUED' AND start_time <= :now AND measure = 'WARNING')
                       OR (:state = 'ACTIVE' AND start_time <= :now AND measure <> 'WARNING' AND (end_time IS NULL OR end_time > :now))
                       OR (:state = 'EXPIRED' AND measure <> 'WARNING' AND end_time <= :now))))
            ORDER BY seq DESC LIMIT :limit""")
    List<DisposalRow> page(long roomSeq, long beforeSeq, @Nullable String state, Instant now, int limit);

    @Query("UPDATE disposals SET identity_delivery = :delivery, blacklist_entry = :entry WHERE resource_id = :resourceId")
    void updateDelivery(String resourceId, String delivery, @Nullable String entry);

    @Query("UPDATE disposals SET identity_delivery = :delivery WHERE resource_id = :resourceId")
    void updateDeliveryKeepingEntry(String resourceId, String delivery);

    @Query("UPDATE disposals SET revoke_time = :revokeTime WHERE seq = :seq")
    void revoke(long seq, Instant revokeTime);
}
