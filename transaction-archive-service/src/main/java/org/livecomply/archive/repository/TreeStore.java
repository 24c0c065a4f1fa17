package org.livecomply.archive.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.livecomply.archive.domain.Node;
import org.livecomply.archive.domain.NodeKey;

/** The tree head row and the stored subtree hashes (interior nodes; leaves are the records' leaf hashes). Runs in the caller's transaction. */
@Singleton
public class TreeStore {

    /** Nodes per SELECT: a proof needs at most a few hundred, a purge or verification pages through more. */
    private static final int MAX_KEYS_PER_QUERY = 500;

    private final JdbcOperations jdbc;

    public TreeStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The size and root of the log. */
    public record Head(long size, byte[] root) {
    }

    /** Reads the head and locks it until the transaction ends: appenders queue here. */
    public Head lockHead() {
        return head("SELECT tree_size, root_hash FROM archive_tree_head WHERE id = 1 FOR UPDATE");
    }

    public Head head() {
        return head("SELECT tree_size, root_hash FROM archive_tree_head WHERE id = 1");
    }

    private Head head(String sql) {
        return jdbc.prepareStatement(sql, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("archive_tree_head has no row: the migrations did not run");
                }
                return new Head(rows.getLong(1), rows.getBytes(2));
            }
        });
    }

    public void updateHead(long size, byte[] root, Instant now) {
        jdbc.prepareStatement("UPDATE archive_tree_head SET tree_size = ?, root_hash = ?, update_time = ? WHERE id = 1", statement -> {
            statement.setLong(1, size);
            statement.setBytes(2, root);
            statement.setTimestamp(3, Timestamp.from(now));
            return statement.executeUpdate();
        });
    }

    /**
     * Stores the interior nodes among {@code nodes}. Level 0 is not stored here: a leaf's hash is
     * archive_records.leaf_hash, written in the same transaction, and {@link #find} reads it from there.
     */
    public void insert(List<Node> nodes) {
        List<Node> interior = nodes.stream().filter(node -> node.key().level() > 0).toList();
        if (interior.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO archive_nodes (level, node_index, hash) VALUES (?, ?, ?)", statement -> {
            for (Node node : interior) {
                statement.setInt(1, node.key().level());
                statement.setLong(2, node.key().index());
                statement.setBytes(3, node.hash());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /**
     * The stored hashes of {@code keys}, leaves (level 0) from archive_records and interior nodes from
     * archive_nodes in one query per chunk; absent keys are absent from the map.
     */
    public Map<NodeKey, byte[]> find(Collection<NodeKey> keys) {
        Map<NodeKey, byte[]> found = new HashMap<>();
        List<NodeKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += MAX_KEYS_PER_QUERY) {
            List<NodeKey> chunk = all.subList(from, Math.min(all.size(), from + MAX_KEYS_PER_QUERY));
            List<NodeKey> leaves = chunk.stream().filter(key -> key.level() == 0).toList();
            List<NodeKey> interior = chunk.stream().filter(key -> key.level() > 0).toList();
            List<String> selects = new ArrayList<>();
            if (!leaves.isEmpty()) {
                selects.add("SELECT 0, leaf_index, leaf_hash FROM archive_records WHERE leaf_index IN ("
                        + String.join(",", Collections.nCopies(leaves.size(), "?")) + ")");
            }
            if (!interior.isEmpty()) {
                selects.add("SELECT level, node_index, hash FROM archive_nodes WHERE (level, node_index) IN ("
                        + String.join(",", Collections.nCopies(interior.size(), "(?,?)")) + ")");
            }
            jdbc.prepareStatement(String.join(" UNION ALL ", selects), statement -> {
                int i = 1;
                for (NodeKey leaf : leaves) {
                    statement.setLong(i++, leaf.index());
                }
                bind(statement, interior, i);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.put(new NodeKey(rows.getInt(1), rows.getLong(2)), rows.getBytes(3));
                    }
                }
                return null;
            });
        }
        return found;
    }

    private static void bind(PreparedStatement statement, List<NodeKey> keys, int firstParameter) throws java.sql.SQLException {
        int i = firstParameter;
        for (NodeKey key : keys) {
            statement.setInt(i++, key.level());
            statement.setLong(i++, key.index());
        }
    }
}
