package org.livecomply.commons.idempotency;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TestRowRepository extends CrudRepository<TestRow, Long> {

    long countByName(String name);
}
