package org.livecomply.training.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TrainingRecordVoidRepository extends GenericRepository<TrainingRecordVoidRow, Long> {

    /** Fails with an integrity violation when the record is already voided. */
    TrainingRecordVoidRow save(TrainingRecordVoidRow row);

    Optional<TrainingRecordVoidRow> findById(long recordSeq);

    List<TrainingRecordVoidRow> findByRecordSeqIn(Collection<Long> recordSeqs);
}
