package org.livecomply.grading.repository;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GradeRepository extends CrudRepository<GradeRow, Long> {

    Optional<GradeRow> findByRoomSeqAndNumber(long roomSeq, int number);

    /** The current grade of each room: its highest number. */
    @Query("""
            SELECT g.* FROM grades g JOIN rooms r ON r.seq = g.room_seq AND r.grade_number = g.number
            WHERE g.room_seq IN (:roomSeqs)""")
    List<GradeRow> current(Collection<Long> roomSeqs);

    @Query("SELECT * FROM grades WHERE room_seq = :roomSeq AND number < :beforeNumber ORDER BY number DESC LIMIT :limit")
    List<GradeRow> page(long roomSeq, int beforeNumber, int limit);
}
