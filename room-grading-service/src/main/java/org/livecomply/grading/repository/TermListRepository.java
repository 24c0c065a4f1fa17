package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TermListRepository extends GenericRepository<TermListRow, Integer> {

    TermListRow save(TermListRow row);

    Optional<TermListRow> findById(Integer version);

    @Query("SELECT * FROM term_lists ORDER BY version DESC LIMIT 1")
    Optional<TermListRow> newest();

    @Query("SELECT COALESCE(MAX(version), 0) FROM term_lists")
    int maxVersion();
}
