package org.livecomply.consumer.repository;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SellerInformationAuditRepository extends CrudRepository<SellerInformationAuditRow, Long> {

    /** Newest first. */
    @Query("""
            SELECT * FROM seller_information_audits
            WHERE seq < :beforeSeq AND (:complaintSeq IS NULL OR complaint_seq = :complaintSeq)
            ORDER BY seq DESC
            LIMIT :limit""")
    List<SellerInformationAuditRow> page(long beforeSeq, @Nullable Long complaintSeq, int limit);
}
