package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RulesetRepository extends GenericRepository<RulesetRow, Integer> {

    /** Fails with an integrity violation when the version is taken (a concurrent create). */
    RulesetRow save(RulesetRow row);

    Optional<RulesetRow> findById(Integer version);

    @Query("SELECT COALESCE(MAX(version), 0) FROM grading_rulesets")
    int maxVersion();

    /** The latest publication is in force. */
    @Query("SELECT * FROM grading_rulesets WHERE publish_time IS NOT NULL ORDER BY publish_time DESC, version DESC LIMIT 1")
    Optional<RulesetRow> inForce();

    @Query("SELECT * FROM grading_rulesets WHERE version < :beforeVersion ORDER BY version DESC LIMIT :limit")
    List<RulesetRow> page(int beforeVersion, int limit);

    @Query("UPDATE grading_rulesets SET publish_time = :now WHERE version = :version AND publish_time IS NULL")
    int publish(int version, Instant now);
}
