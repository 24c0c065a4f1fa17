package org.livecomply.identity.repository;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LiveAccountRepository extends CrudRepository<LiveAccountRow, String> {

    List<LiveAccountRow> findByRoomOperatorSeqInOrderByPosition(Collection<Long> roomOperatorSeqs);

    List<LiveAccountRow> findByAccountIdIn(Collection<String> accountIds);

    void deleteByRoomOperatorSeq(Long roomOperatorSeq);
}
