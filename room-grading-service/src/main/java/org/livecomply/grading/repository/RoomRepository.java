package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoomRepository extends CrudRepository<RoomRow, Long> {

    Optional<RoomRow> findByResourceId(String resourceId);

    boolean existsByLiveAccountId(String liveAccountId);

    /** Serialises changes to one room (grade numbering, metrics) across requests and replicas. */
    @Query("SELECT * FROM rooms WHERE resource_id = :resourceId FOR UPDATE")
    Optional<RoomRow> lock(String resourceId);

    @Query("""
            SELECT * FROM rooms WHERE seq > :afterSeq AND (:monitoringOnly = FALSE OR monitoring_required = TRUE)
            ORDER BY seq LIMIT :limit""")
    List<RoomRow> page(long afterSeq, boolean monitoringOnly, int limit);

    @Query("""
            UPDATE rooms SET followers = :followers, visits_30d = :visits30d, gmv_30d_fen = :gmv30dFen, orders_30d = :orders30d,
                   marketer_influence = :marketerInfluence, measure_time = :measureTime, update_time = :now
            WHERE seq = :seq""")
    void updateMetrics(long seq, long followers, long visits30d, long gmv30dFen, long orders30d, long marketerInfluence, Instant measureTime,
                       Instant now);

    @Query("""
            UPDATE rooms SET credit_abnormal = :abnormal, credit_dishonest = :dishonest, credit_penalties = :penalties,
                   credit_repaired = :repaired, credit_source = :source, credit_as_of = :asOf, update_time = :now
            WHERE seq = :seq""")
    void updateCredit(long seq, boolean abnormal, boolean dishonest, int penalties, boolean repaired, String source, Instant asOf, Instant now);

    @Query("UPDATE rooms SET grade_number = :number, monitoring_required = :monitoring, update_time = :now WHERE seq = :seq")
    void updateGrade(long seq, int number, boolean monitoring, Instant now);
}
