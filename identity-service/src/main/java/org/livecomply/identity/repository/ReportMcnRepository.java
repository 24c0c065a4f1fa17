package org.livecomply.identity.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** MCN names and USCCs for the marketers file of the Art. 9 report. Read-only. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportMcnRepository extends GenericRepository<ReportMcnRow, String> {

    List<ReportMcnRow> findByResourceIdIn(Collection<String> resourceIds);
}
