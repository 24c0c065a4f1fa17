package org.livecomply.identity.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface QualificationRepository extends CrudRepository<QualificationRow, Long> {

    List<QualificationRow> findByMarketerSeqInOrderByPosition(Collection<Long> marketerSeqs);

    void deleteByMarketerSeq(Long marketerSeq);
}
