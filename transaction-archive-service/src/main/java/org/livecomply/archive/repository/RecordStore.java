package org.livecomply.archive.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.livecomply.archive.domain.RecordKey;
import org.livecomply.archive.domain.RecordQuery;
import org.livecomply.archive.domain.StoredRecord;

/** The leaves of the log, written in batches. Runs in the caller's transaction. */
@Singleton
public class RecordStore {

    private static final String COLUMNS = "leaf_index, order_id, event_id, event, occur_time, room_id, session_id, marketer_id, "
            + "payload, salt, leaf_hash, append_time";

    private final JdbcOperations jdbc;

    public RecordStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The archived records among {@code keys}. */
    public Map<RecordKey, StoredRecord> findByKeys(Collection<RecordKey> keys) {
        Map<RecordKey, StoredRecord> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<RecordKey> all = List.copyOf(keys);
        String sql = "SELECT " + COLUMNS + " FROM archive_records WHERE (order_id, event_id) IN ("
                + String.join(",", Collections.nCopies(all.size(), "(?,?)")) + ")";
        jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            for (RecordKey key : all) {
                statement.setString(i++, key.orderId());
                statement.setString(i++, key.eventId());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    StoredRecord record = read(rows);
                    found.put(new RecordKey(record.orderId(), record.eventId()), record);
                }
            }
            return null;
        });
        return found;
    }

    public void insert(List<StoredRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO archive_records (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", statement -> {
            for (StoredRecord record : records) {
                statement.setLong(1, record.leafIndex());
                statement.setString(2, record.orderId());
                statement.setString(3, record.eventId());
                statement.setString(4, record.event());
                statement.setTimestamp(5, Timestamp.from(record.occurTime()));
                statement.setString(6, record.roomId());
                statement.setString(7, record.sessionId());
                if (record.marketerId() == null) {
                    statement.setNull(8, Types.VARCHAR);
                } else {
                    statement.setString(8, record.marketerId());
                }
                statement.setBytes(9, record.payload());
                statement.setBytes(10, record.salt());
                statement.setBytes(11, record.leafHash());
                statement.setTimestamp(12, Timestamp.from(record.appendTime()));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    public Optional<StoredRecord> find(long leafIndex) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM archive_records WHERE leaf_index = ?", statement -> {
            statement.setLong(1, leafIndex);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        });
    }

    /** Keyset page in log order: up to {@code limit} records after {@code afterIndex} matching {@code query}. */
    public List<StoredRecord> page(RecordQuery query, long afterIndex, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM archive_records WHERE leaf_index > ?");
        List<Object> values = new ArrayList<>();
        values.add(afterIndex);
        condition(sql, values, "order_id = ?", query.orderId());
        condition(sql, values, "room_id = ?", query.roomId());
        condition(sql, values, "session_id = ?", query.sessionId());
        condition(sql, values, "marketer_id = ?", query.marketerId());
        condition(sql, values, "occur_time >= ?", query.occurFrom() == null ? null : Timestamp.from(query.occurFrom()));
        condition(sql, values, "occur_time < ?", query.occurUntil() == null ? null : Timestamp.from(query.occurUntil()));
        sql.append(" ORDER BY leaf_index LIMIT ?");
        values.add(limit);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<StoredRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(read(rows));
                }
            }
            return records;
        });
    }

    private static void condition(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }

    static StoredRecord read(ResultSet rows) throws SQLException {
        return new StoredRecord(rows.getLong("leaf_index"), rows.getString("order_id"), rows.getString("event_id"),
                rows.getString("event"), rows.getTimestamp("occur_time").toInstant(), rows.getString("room_id"),
                rows.getString("session_id"), rows.getString("marketer_id"), rows.getBytes("payload"), rows.getBytes("salt"),
                rows.getBytes("leaf_hash"), rows.getTimestamp("append_time").toInstant());
    }

    /** Erases payload, salt and the marketer of the orders' records; leaf hashes stay (PIPL Art. 47). */
    public int erase(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return 0;
        }
        List<String> ids = List.copyOf(orderIds);
        String sql = "UPDATE archive_records SET payload = NULL, salt = NULL, marketer_id = NULL WHERE payload IS NOT NULL AND order_id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            return statement.executeUpdate();
        });
    }
}
