package org.harbour.importer;

import org.harbour.platform.EmbeddedDatabase;
import org.harbour.testdata.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads rows of the shared test database directly, for what the API does not show (history, imported tables). */
final class Db {

    private Db() {
    }

    /** The one row a query answers, as column label -> value. */
    static Map<String, Object> row(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.get().jdbcUrl(), EmbeddedDatabase.USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
