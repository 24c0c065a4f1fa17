package org.livecomply.training.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Append-only: no update or delete is offered. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface NoticeAcknowledgementRepository extends GenericRepository<NoticeAcknowledgementRow, Long> {

    /** Fails with an integrity violation when the subject already acknowledged the notice. */
    NoticeAcknowledgementRow save(NoticeAcknowledgementRow row);

    Optional<NoticeAcknowledgementRow> findByResourceId(String resourceId);

    Optional<NoticeAcknowledgementRow> findByNoticeSeqAndSubject(long noticeSeq, String subject);

    @Query("SELECT subject FROM notice_acknowledgements WHERE notice_seq = :noticeSeq AND subject IN (:subjects)")
    List<String> acknowledgedAmong(long noticeSeq, Collection<String> subjects);

    /** Read receipts of these notices by these subjects given by {@code at}. */
    @Query("""
            SELECT * FROM notice_acknowledgements
            WHERE notice_seq IN (:noticeSeqs) AND subject IN (:subjects) AND acknowledge_time <= :at""")
    List<NoticeAcknowledgementRow> given(Collection<Long> noticeSeqs, Collection<String> subjects, java.time.Instant at);

    @Query("SELECT * FROM notice_acknowledgements WHERE notice_seq = :noticeSeq AND seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<NoticeAcknowledgementRow> page(long noticeSeq, long afterSeq, int limit);
}
