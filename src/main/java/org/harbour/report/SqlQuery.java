package org.harbour.report;

import java.util.ArrayList;
import java.util.List;

/** SQL text with its parameters in order, so optional filters add both in one place. */
final class SqlQuery {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlQuery add(String text, Object... values) {
        sql.append(text);
        params.addAll(List.of(values));
        return this;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }
}
