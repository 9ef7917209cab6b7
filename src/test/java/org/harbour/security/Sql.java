package org.harbour.security;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the test database directly, each call in its own short transaction. */
@Singleton
class Sql {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    Sql(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    long count(String sql, Object... args) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** The first row as column -> value, if any. */
    Optional<Map<String, Object>> row(String sql, Object... args) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            try (var rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Map<String, Object>>empty();
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return Optional.of(row);
            }
        }));
    }

    int update(String sql, Object... args) {
        return transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            return statement.executeUpdate();
        }));
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
