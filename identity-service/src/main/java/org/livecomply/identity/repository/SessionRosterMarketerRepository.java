package org.livecomply.identity.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionRosterMarketerRepository extends CrudRepository<SessionRosterMarketerRow, Long> {
}
