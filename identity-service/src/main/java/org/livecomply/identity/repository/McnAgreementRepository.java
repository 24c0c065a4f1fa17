package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface McnAgreementRepository extends CrudRepository<McnAgreementRow, Long> {

    @Query("SELECT COALESCE(MAX(number), 0) FROM mcn_agreements WHERE mcn_seq = :mcnSeq")
    int lastNumber(long mcnSeq);

    Optional<McnAgreementRow> findByMcnSeqAndNumber(Long mcnSeq, int number);

    @Query("SELECT * FROM mcn_agreements WHERE mcn_seq = :mcnSeq AND number > :afterNumber ORDER BY number LIMIT :limit")
    List<McnAgreementRow> page(long mcnSeq, int afterNumber, int limit);
}
