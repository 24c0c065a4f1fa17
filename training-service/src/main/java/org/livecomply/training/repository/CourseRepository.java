package org.livecomply.training.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CourseRepository extends GenericRepository<CourseRow, Long> {

    CourseRow save(CourseRow row);

    CourseRow update(CourseRow row);

    Optional<CourseRow> findByCodeAndVersion(String code, int version);

    @Query("SELECT * FROM courses WHERE code = :code AND version = :version FOR UPDATE")
    Optional<CourseRow> lock(String code, int version);

    @Query("SELECT COALESCE(MAX(version), 0) FROM courses WHERE code = :code")
    int lastVersion(String code);

    /** Published pre-service and annual courses of an audience in force on {@code day} (China time). */
    @Query("""
            SELECT * FROM courses
            WHERE audience = :audience AND state = 'PUBLISHED' AND kind IN ('PRE_SERVICE', 'ANNUAL')
              AND effective_from <= :day AND (effective_until IS NULL OR effective_until >= :day)
            ORDER BY seq""")
    List<CourseRow> inForce(String audience, LocalDate day);

    /** Every published pre-service marketer course, locked: the catalogue the Art. 10 ¶1 coverage is checked on. */
    @Query("SELECT * FROM courses WHERE audience = 'MARKETER' AND kind = 'PRE_SERVICE' AND state = 'PUBLISHED' ORDER BY seq FOR UPDATE")
    List<CourseRow> lockPublishedPreService();

    /** Marks a version used by a record; the row lock also orders this after a concurrent update of the version. */
    @Query("UPDATE courses SET in_use = TRUE WHERE seq = :seq")
    int markInUse(long seq);

    @Query("""
            SELECT * FROM courses
            WHERE seq > :afterSeq AND (:audience = '' OR audience = :audience) AND (:kind = '' OR kind = :kind)
              AND (:state = '' OR state = :state) AND (:code = '' OR code = :code)
            ORDER BY seq LIMIT :limit""")
    List<CourseRow> page(long afterSeq, String audience, String kind, String state, String code, int limit);
}
