package org.livecomply.consumer.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CompensationRecoveryRepository extends CrudRepository<CompensationRecoveryRow, Long> {

    List<CompensationRecoveryRow> findByCompensationSeqOrderBySeq(long compensationSeq);
}
