package org.harbour.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text with its parameters in order, so optional filters add both in one place. */
public final class SqlQuery {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlQuery add(String text, Object... values) {
        sql.append(text);
        params.addAll(List.of(values));
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> params() {
        return params;
    }

    /** Binds the parameters in order. */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
