package org.livecomply.commons.idempotency;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IdempotencyKeyRepository extends CrudRepository<IdempotencyKey, String> {

    void updateResult(@Id String idempotencyKey, String result);
}
