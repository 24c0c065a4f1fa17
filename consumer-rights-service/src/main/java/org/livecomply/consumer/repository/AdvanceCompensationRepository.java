package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AdvanceCompensationRepository extends CrudRepository<AdvanceCompensationRow, Long> {

    Optional<AdvanceCompensationRow> findByComplaintSeq(long complaintSeq);

    @Query("""
            UPDATE advance_compensations SET recovery_state = :recoveryState, recovered_fen = :recoveredFen,
                   write_off_reason = :writeOffReason, update_time = :updateTime
            WHERE seq = :seq""")
    void updateRecovery(long seq, String recoveryState, long recoveredFen, @Nullable String writeOffReason, Instant updateTime);
}
