package org.livecomply.grading.repository;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.livecomply.grading.domain.Measure;

/**
 * The go-live gate's local reads, with plain JDBC and without a transaction: the room, then in one statement
 * every measure that can keep a session off the air. The gate runs at every session start, and Micronaut
 * Data's per-query work plus one statement per kind of measure were most of its own CPU (docs/performance.md).
 */
@Singleton
public class GateStore {

    private static final String MEASURE_COLUMNS = "SELECT ?, r.resource_id, d.resource_id, d.measure, d.marketer, d.session_id, d.start_time, "
            + "d.end_time, d.revoke_time, d.seq FROM disposals d JOIN rooms r ON r.seq = d.room_seq ";
    private static final String BANS = "d.measure IN ('BLACKLIST', 'REREGISTRATION_BAN') AND (d.end_time IS NULL OR d.end_time > ?)";

    private final JdbcOperations jdbc;

    public GateStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What the gate needs of a room. */
    public record GateRoom(long seq, String resourceId, String roomOperator) {
    }

    /** A disposal as the gate needs it; {@link #inForceAt} applies the same times as DisposalRepository#inForce. */
    public record GateMeasure(String roomId, String disposalId, Measure measure, String marketer, String sessionId, Instant startTime,
                              Instant endTime, Instant revokeTime) {

        public boolean inForceAt(Instant now) {
            return !startTime.isAfter(now) && (endTime == null || endTime.isAfter(now)) && (revokeTime == null || revokeTime.isAfter(now));
        }
    }

    /**
     * Measures in force at {@code now}: the room's own (warnings excluded), and blacklists and re-registration
     * bans of its operator and of these marketers, from any room (Arts. 12 ¶1, 14).
     */
    public record GateMeasures(List<GateMeasure> inForce, List<GateMeasure> operatorBans, List<GateMeasure> marketerBans) {
    }

    @Connectable
    public Optional<GateRoom> room(String roomId) {
        return jdbc.prepareStatement("SELECT seq, resource_id, room_operator FROM rooms WHERE resource_id = ?", statement -> {
            statement.setString(1, roomId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new GateRoom(rows.getLong(1), rows.getString(2), rows.getString(3))) : Optional.empty();
            }
        });
    }

    /**
     * One statement, each branch on its index; only rows not yet ended are read, and the rest of "in force" is
     * decided here, so the history of a room or a person is never read.
     */
    @Connectable
    public GateMeasures measures(GateRoom room, List<String> marketers, Instant now) {
        StringBuilder sql = new StringBuilder(MEASURE_COLUMNS)
                .append("WHERE d.room_seq = ? AND d.measure <> 'WARNING' AND (d.end_time IS NULL OR d.end_time > ?)")
                .append(" UNION ALL ").append(MEASURE_COLUMNS).append("WHERE r.room_operator = ? AND d.marketer IS NULL AND ").append(BANS);
        if (!marketers.isEmpty()) {
            sql.append(" UNION ALL ").append(MEASURE_COLUMNS).append("WHERE d.marketer IN (")
                    .append("?, ".repeat(marketers.size() - 1)).append("?) AND ").append(BANS);
        }
        sql.append(" ORDER BY 10");
        return jdbc.prepareStatement(sql.toString(), statement -> {
            Timestamp at = Timestamp.from(now);
            int p = 1;
            statement.setString(p++, "R");
            statement.setLong(p++, room.seq());
            statement.setTimestamp(p++, at);
            statement.setString(p++, "O");
            statement.setString(p++, room.roomOperator());
            statement.setTimestamp(p++, at);
            if (!marketers.isEmpty()) {
                statement.setString(p++, "M");
                for (String marketer : marketers) {
                    statement.setString(p++, marketer);
                }
                statement.setTimestamp(p, at);
            }
            return read(statement, now);
        });
    }

    private static GateMeasures read(PreparedStatement statement, Instant now) throws SQLException {
        List<GateMeasure> inForce = new ArrayList<>();
        List<GateMeasure> operatorBans = new ArrayList<>();
        List<GateMeasure> marketerBans = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                GateMeasure measure = new GateMeasure(rows.getString(2), rows.getString(3), Measure.valueOf(rows.getString(4)), rows.getString(5),
                        rows.getString(6), instant(rows.getTimestamp(7)), instant(rows.getTimestamp(8)), instant(rows.getTimestamp(9)));
                if (!measure.inForceAt(now)) {
                    continue;
                }
                switch (rows.getString(1)) {
                    case "R" -> inForce.add(measure);
                    case "O" -> operatorBans.add(measure);
                    default -> marketerBans.add(measure);
                }
            }
        }
        return new GateMeasures(inForce, operatorBans, marketerBans);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
