package org.livecomply.consumer.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ClueExportRepository extends CrudRepository<ClueExportRow, Long> {

    @Query("SELECT * FROM clue_exports WHERE seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
    List<ClueExportRow> page(long beforeSeq, int limit);
}
