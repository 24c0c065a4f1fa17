package org.livecomply.identity.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The go-live gate's reads, with plain JDBC on the caller's connection: one statement for the room operator
 * with its blacklisting and the session's roster, one for the marketers with theirs. room-grading asks at
 * every session start, and these replaced five Micronaut Data queries (docs/performance.md).
 */
@Singleton
public class GoLiveFactsStore {

    /** An entry of blacklist_entries in force at the bound time (three parameters), for the identity key {@code key}. */
    private static final String BLACKLISTED = "EXISTS (SELECT 1 FROM blacklist_entries b WHERE b.identity_key = %s AND b.start_time <= ?"
            + " AND (b.end_time IS NULL OR b.end_time > ?) AND (b.revoke_time IS NULL OR b.revoke_time > ?))";

    private final JdbcOperations jdbc;

    public GoLiveFactsStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param state the stored state
     * @param roster the session's roster in submitted order; null when none was submitted
     */
    public record OperatorFacts(String state, Instant reverificationDueTime, boolean blacklisted, List<String> roster) {
    }

    /** @param state the stored state */
    public record MarketerFacts(long seq, String resourceId, String state, LocalDate birthDate, Instant lastVerifyTime, boolean blacklisted) {
    }

    /** The operator's facts, blacklisting by its USCC or else its ID number's blind index (as Blacklist#keyOf). */
    public Optional<OperatorFacts> operator(String roomOperatorId, String sessionId, Instant now) {
        String sql = "SELECT o.state, o.reverification_due_time, " + BLACKLISTED.formatted("COALESCE(o.uscc, o.id_number_index)")
                + ", s.seq, m.resource_id FROM room_operators o"
                + " LEFT JOIN session_rosters s ON s.room_operator_seq = o.seq AND s.session_id = ?"
                + " LEFT JOIN session_roster_marketers r ON r.roster_seq = s.seq"
                + " LEFT JOIN marketers m ON m.seq = r.marketer_seq"
                + " WHERE o.resource_id = ? ORDER BY r.position";
        return jdbc.prepareStatement(sql, statement -> {
            int p = bindTimes(statement, 1, now);
            statement.setString(p++, sessionId);
            statement.setString(p, roomOperatorId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String state = rows.getString(1);
                Instant due = instant(rows.getTimestamp(2));
                boolean blacklisted = rows.getBoolean(3);
                List<String> roster = null;
                if (rows.getObject(4) != null) {
                    roster = new ArrayList<>();
                    do {
                        String marketer = rows.getString(5);
                        if (marketer != null) {
                            roster.add(marketer);
                        }
                    } while (rows.next());
                }
                return Optional.of(new OperatorFacts(state, due, blacklisted, roster));
            }
        });
    }

    /** The registered marketers among {@code ids}, by id, each with its blacklisting by ID number. */
    public Map<String, MarketerFacts> marketers(List<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT m.seq, m.resource_id, m.state, m.birth_date, m.last_verify_time, " + BLACKLISTED.formatted("m.id_number_index")
                + " FROM marketers m WHERE m.resource_id IN (" + "?, ".repeat(ids.size() - 1) + "?)";
        return jdbc.prepareStatement(sql, statement -> {
            int p = bindTimes(statement, 1, now);
            for (String id : ids) {
                statement.setString(p++, id);
            }
            Map<String, MarketerFacts> facts = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    MarketerFacts marketer = new MarketerFacts(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getObject(4, LocalDate.class), instant(rows.getTimestamp(5)), rows.getBoolean(6));
                    facts.put(marketer.resourceId(), marketer);
                }
            }
            return facts;
        });
    }

    private static int bindTimes(java.sql.PreparedStatement statement, int first, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        for (int i = 0; i < 3; i++) {
            statement.setTimestamp(first + i, at);
        }
        return first + 3;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
