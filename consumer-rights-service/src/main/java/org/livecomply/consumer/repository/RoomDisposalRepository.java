package org.livecomply.consumer.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoomDisposalRepository extends CrudRepository<RoomDisposalRow, Long> {

    Optional<RoomDisposalRow> findByDisposal(String disposal);
}
