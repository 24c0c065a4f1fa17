package org.livecomply.archive.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.livecomply.archive.domain.LegalHold;
import org.livecomply.archive.domain.RetentionClock;

/** Per-order retention clocks and legal holds. Runs in the caller's transaction. */
@Singleton
public class OrderStore {

    private final JdbcOperations jdbc;

    public OrderStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, RetentionClock> clocks(Collection<String> orderIds) {
        Map<String, RetentionClock> clocks = new HashMap<>();
        if (orderIds.isEmpty()) {
            return clocks;
        }
        List<String> ids = List.copyOf(orderIds);
        String sql = "SELECT order_id, completion_time, after_sales_time FROM archive_orders WHERE order_id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    clocks.put(rows.getString(1), new RetentionClock(instant(rows, 2), instant(rows, 3)));
                }
            }
            return null;
        });
        return clocks;
    }

    /** Writes the clocks; an order with new evidence is no longer purged, whatever it was before. */
    public void save(Map<String, RetentionClock> clocks, int years) {
        jdbc.prepareStatement("""
                INSERT INTO archive_orders (order_id, completion_time, after_sales_time, retain_until, purge_time)
                VALUES (?, ?, ?, ?, NULL)
                ON DUPLICATE KEY UPDATE completion_time = VALUES(completion_time), after_sales_time = VALUES(after_sales_time),
                                        retain_until = VALUES(retain_until), purge_time = NULL""", statement -> {
            for (Map.Entry<String, RetentionClock> entry : clocks.entrySet()) {
                statement.setString(1, entry.getKey());
                statement.setTimestamp(2, timestamp(entry.getValue().completionTime()));
                statement.setTimestamp(3, timestamp(entry.getValue().afterSalesTime()));
                statement.setTimestamp(4, timestamp(entry.getValue().retainUntil(years)));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /**
     * Locks the order's row (holds and purges of one order queue here), creating it for an order whose
     * retention has not started yet; false when the order has no records.
     */
    public boolean lock(String orderId) {
        jdbc.prepareStatement("INSERT IGNORE INTO archive_orders (order_id) "
                + "SELECT ? FROM DUAL WHERE EXISTS (SELECT 1 FROM archive_records WHERE order_id = ?)", statement -> {
            statement.setString(1, orderId);
            statement.setString(2, orderId);
            return statement.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT order_id FROM archive_orders WHERE order_id = ? FOR UPDATE", statement -> {
            statement.setString(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    /**
     * Locks up to {@code limit} orders whose retention ended by {@code now} and that are not purged yet.
     * Rows another replica is purging right now are skipped, not waited for.
     */
    public List<String> lockDue(Instant now, int limit) {
        return jdbc.prepareStatement("""
                SELECT order_id FROM archive_orders WHERE retain_until <= ? AND purge_time IS NULL
                ORDER BY retain_until LIMIT ? FOR UPDATE SKIP LOCKED""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setInt(2, limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    /** Marks purged orders among {@code orderIds} as not purged again: they received new records. */
    public void unpurge(List<String> orderIds) {
        String sql = "UPDATE archive_orders SET purge_time = NULL WHERE purge_time IS NOT NULL AND order_id IN ("
                + String.join(",", Collections.nCopies(orderIds.size(), "?")) + ")";
        jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < orderIds.size(); i++) {
                statement.setString(i + 1, orderIds.get(i));
            }
            return statement.executeUpdate();
        });
    }

    public void markPurged(Collection<String> orderIds, Instant now) {
        jdbc.prepareStatement("UPDATE archive_orders SET purge_time = ? WHERE order_id = ?", statement -> {
            for (String id : orderIds) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setString(2, id);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** The orders among {@code orderIds} with a hold in force. */
    public Set<String> held(Collection<String> orderIds) {
        Set<String> held = new HashSet<>();
        if (orderIds.isEmpty()) {
            return held;
        }
        List<String> ids = List.copyOf(orderIds);
        String sql = "SELECT DISTINCT order_id FROM archive_legal_holds WHERE release_time IS NULL AND order_id IN ("
                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getString(1));
                }
            }
            return null;
        });
        return held;
    }

    public void insertHold(LegalHold hold) {
        jdbc.prepareStatement("""
                INSERT INTO archive_legal_holds (resource_id, order_id, reason, case_reference, place_time, release_time)
                VALUES (?, ?, ?, ?, ?, NULL)""", statement -> {
            statement.setString(1, hold.id());
            statement.setString(2, hold.orderId());
            statement.setString(3, hold.reason());
            statement.setString(4, hold.caseReference());
            statement.setTimestamp(5, Timestamp.from(hold.placeTime()));
            return statement.executeUpdate();
        });
    }

    public Optional<LegalHold> findHold(String id) {
        return jdbc.prepareStatement("""
                SELECT resource_id, order_id, reason, case_reference, place_time, release_time
                FROM archive_legal_holds WHERE resource_id = ?""", statement -> {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new LegalHold(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), instant(rows, 5), instant(rows, 6))) : Optional.empty();
            }
        });
    }

    public void releaseHold(String id, Instant now) {
        jdbc.prepareStatement("UPDATE archive_legal_holds SET release_time = ? WHERE resource_id = ? AND release_time IS NULL", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, id);
            return statement.executeUpdate();
        });
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
