package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface McnInstitutionRepository extends CrudRepository<McnInstitutionRow, Long> {

    Optional<McnInstitutionRow> findByResourceId(String resourceId);

    Optional<McnInstitutionRow> findByUscc(String uscc);

    @Query("SELECT * FROM mcn_institutions WHERE resource_id = :resourceId FOR UPDATE")
    Optional<McnInstitutionRow> lockByResourceId(String resourceId);

    @Query("SELECT * FROM mcn_institutions WHERE seq > :afterSeq ORDER BY seq LIMIT :limit")
    List<McnInstitutionRow> page(long afterSeq, int limit);
}
