package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DisposalViolationRepository extends GenericRepository<DisposalViolationRow, Long> {

    <S extends DisposalViolationRow> List<S> saveAll(Iterable<S> rows);

    /** Pairs of (disposal seq, violation resource id), in position order. */
    @Query("""
            SELECT dv.disposal_seq, v.resource_id FROM disposal_violations dv JOIN violations v ON v.seq = dv.violation_seq
            WHERE dv.disposal_seq IN (:disposalSeqs) ORDER BY dv.disposal_seq, dv.position""")
    List<DisposalViolationName> names(Collection<Long> disposalSeqs);
}
