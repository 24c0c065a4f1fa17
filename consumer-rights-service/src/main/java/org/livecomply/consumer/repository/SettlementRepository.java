package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SettlementRepository extends CrudRepository<SettlementRow, Long> {

    Optional<SettlementRow> findByResourceIdAndComplaintSeq(String resourceId, long complaintSeq);

    List<SettlementRow> findByComplaintSeqOrderBySeq(long complaintSeq);

    List<SettlementRow> findByComplaintSeqAndState(long complaintSeq, String state);

    @Query("SELECT * FROM settlements WHERE complaint_seq = :complaintSeq AND seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<SettlementRow> page(long complaintSeq, long afterSeq, int limit);

    @Query("""
            UPDATE settlements SET consumer_decision = :decision, consumer_note = :note, consumer_recorded_by = :recordedBy,
                   consumer_answer_time = :answerTime, state = :state, close_time = :closeTime
            WHERE seq = :seq""")
    void answerAsConsumer(long seq, String decision, String note, String recordedBy, Instant answerTime, String state, @Nullable Instant closeTime);

    @Query("""
            UPDATE settlements SET merchant_decision = :decision, merchant_note = :note, merchant_recorded_by = :recordedBy,
                   merchant_answer_time = :answerTime, state = :state, close_time = :closeTime
            WHERE seq = :seq""")
    void answerAsMerchant(long seq, String decision, String note, String recordedBy, Instant answerTime, String state, @Nullable Instant closeTime);

    @Query("UPDATE settlements SET state = :state, close_time = :closeTime WHERE seq = :seq")
    void close(long seq, String state, Instant closeTime);
}
