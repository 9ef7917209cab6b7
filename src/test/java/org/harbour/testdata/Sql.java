package org.harbour.testdata;

import org.harbour.platform.EmbeddedDatabase;

import java.util.List;
import java.util.Map;

/** Plain JDBC on the shared test database, for what the API does not show (recorded rows, closed entries). */
public final class Sql {

    private Sql() {
    }

    /** Every row, each as column label (lower case) to value. */
    public static List<Map<String, Object>> rows(String sql, Object... params) {
        return shared().rows(sql, params);
    }

    /** The single row the query must answer. */
    public static Map<String, Object> row(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /** The single number a query answers, such as a COUNT(*). */
    public static long number(String sql, Object... params) {
        Object value = row(sql, params).values().iterator().next();
        return ((Number) value).longValue();
    }

    public static long count(String table) {
        return number("SELECT COUNT(*) FROM " + table);
    }

    public static int update(String sql, Object... params) {
        return shared().update(sql, params);
    }

    private static SqlAt shared() {
        return new SqlAt(TestDatabase.get().jdbcUrl(), EmbeddedDatabase.USER, "");
    }
}
