package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ViolationRepository extends CrudRepository<ViolationRow, Long> {

    Optional<ViolationRow> findByResourceId(String resourceId);

    List<ViolationRow> findByResourceIdIn(Collection<String> resourceIds);

    /** A room's violations that happened after {@code since}: what grading and points count. */
    @Query("SELECT * FROM violations WHERE room_seq = :roomSeq AND occur_time > :since ORDER BY seq")
    List<ViolationRow> since(long roomSeq, Instant since);

    /** Newest first, before {@code beforeSeq}. */
    @Query("""
            SELECT * FROM violations WHERE room_seq = :roomSeq AND seq < :beforeSeq AND (:undisposedOnly = FALSE OR disposal_id IS NULL)
            ORDER BY seq DESC LIMIT :limit""")
    List<ViolationRow> page(long roomSeq, long beforeSeq, boolean undisposedOnly, int limit);

    @Query("UPDATE violations SET disposal_id = :disposalId WHERE seq IN (:seqs)")
    void markDisposed(Collection<Long> seqs, String disposalId);
}
