package org.livecomply.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.livecomply.testsupport.TestDatabase;

/** Direct reads and writes of the service's tables, behind its back. */
final class Db {

    private final TestDatabase.Database database;

    Db(TestDatabase.Database database) {
        this.database = database;
    }

    long count(String table) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    byte[][] payloadAndSalt(long leafIndex) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT payload, salt FROM archive_records WHERE leaf_index = ?")) {
            statement.setLong(1, leafIndex);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no record " + leafIndex);
                }
                return new byte[][] {rows.getBytes(1), rows.getBytes(2)};
            }
        }
    }

    int update(String sql) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }
}
