package org.harbour.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import java.util.Map;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /api/audit (ADMIN): who read or changed what, newest first, filtered by actor (username), action,
 * object (objectType, objectId), time (from inclusive, to exclusive) and remoteAddress. Read-only by
 * design: no route changes the log, and the database refuses UPDATE and DELETE on it (V20).
 */
@Controller("/api/audit")
@Secured("ADMIN")
class AuditController {

    private final JdbcOperations jdbc;

    AuditController(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    record AuditEntry(long id, Instant at, @Nullable Long userId, String username, String action, String objectType,
                      @Nullable Long objectId, @Nullable String remoteAddress) {
    }

    @Get
    @Transactional(readOnly = true)
    List<AuditEntry> search(@Nullable @QueryValue String username, @Nullable @QueryValue String objectType,
                            @Nullable @QueryValue Long objectId, @Nullable @QueryValue String action,
                            @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                            @Nullable @QueryValue String remoteAddress, @Nullable @QueryValue Integer limit) {
        Checks checks = new Checks();
        checks.range("limit", limit, 1, 1000);
        checks.text("username", username, 100);
        checks.text("objectType", objectType, 30);
        checks.text("action", action, 40);
        checks.text("remoteAddress", remoteAddress, 64);
        checks.instant("from", from);
        checks.instant("to", to);
        if (from != null && to != null && to.isBefore(from)) {
            checks.fail("to", FieldCode.BEFORE_START, "must not be before from", Map.of("other", "from"));
        }
        checks.throwIfAny();
        StringBuilder sql = new StringBuilder("SELECT id, at, user_id, username, action, object_type, object_id, remote_address"
                + " FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "username = ?", username);
        filter(sql, params, "object_type = ?", objectType == null ? null : objectType.toUpperCase());
        filter(sql, params, "object_id = ?", objectId);
        filter(sql, params, "action = ?", action == null ? null : action.toUpperCase());
        filter(sql, params, "at >= ?", from == null ? null : Timestamp.from(from));
        filter(sql, params, "at < ?", to == null ? null : Timestamp.from(to));
        filter(sql, params, "remote_address = ?", remoteAddress);
        sql.append(" ORDER BY id DESC LIMIT ").append(limit == null ? 200 : limit);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, Long.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8)));
                }
            }
            return entries;
        });
    }

    private static void filter(StringBuilder sql, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }
}
