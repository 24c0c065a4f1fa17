package org.livecomply.identity.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GuardianConsentRepository extends CrudRepository<GuardianConsentRow, Long> {

    /** The latest consent of each marketer (consents are append-only; the newest is in force). */
    @Query("""
            SELECT c.* FROM guardian_consents c
            WHERE c.marketer_seq IN (:marketerSeqs)
              AND c.seq = (SELECT MAX(l.seq) FROM guardian_consents l WHERE l.marketer_seq = c.marketer_seq)""")
    List<GuardianConsentRow> latestFor(Collection<Long> marketerSeqs);
}
