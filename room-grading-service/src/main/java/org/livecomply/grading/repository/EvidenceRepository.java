package org.livecomply.grading.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EvidenceRepository extends CrudRepository<EvidenceRow, Long> {

    List<EvidenceRow> findByOwnerKindAndOwnerSeqInOrderByPosition(String ownerKind, Collection<Long> ownerSeq);
}
