package org.harbour.search;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.platform.MultiStatements;
import org.harbour.security.CurrentUser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Records a bed request and its ranked matches (demand, for funders' reports), never one without the
 * other, in ONE round trip: the request INSERT, the matches INSERT (keyed by LAST_INSERT_ID()) and the read
 * of the new id go as one multi-statement packet (Connector/J allowMultiQueries, client-side prepared
 * statements, so every value is still bound, never concatenated). Without a client this packet is also its
 * own transaction (START TRANSACTION ... COMMIT), which replaces the SET autocommit=0 / COMMIT /
 * SET autocommit=1 round trips of a JDBC transaction.
 */
@Singleton
class DemandRecords {

    /** Matches kept per request, the best first; the answer may show more (its limit) or fewer. */
    static final int KEPT_MATCHES = 50;

    /** {@code matchCount}: how many matched in all; {@code rankedProgramIds}: the best of them, at most KEPT_MATCHES. */
    record Demand(CurrentUser user, Long clientId, String regionCode, String types, String needsJson,
                  boolean admitNow, int matchCount, List<Long> rankedProgramIds, Instant at) {
    }

    private final JdbcOperations jdbc;
    private final AuditLog audit;

    DemandRecords(JdbcOperations jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Outside any transaction: the packet commits itself, or, on any error, nothing of it stays. */
    @Connectable
    long record(Demand demand) {
        return jdbc.execute(connection -> {
            try {
                return insert(connection, demand, true);
            } catch (SQLException e) {
                // The server stops a multi-statement packet at the failing statement, so the request row may
                // sit in an open transaction the driver does not know about: end it before the pool reuses
                // the connection. (A broken connection is rolled back by the server when it closes.)
                try (Statement rollback = connection.createStatement()) {
                    rollback.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        });
    }

    /** A request for a named client is audited, and the audit row commits with the request. */
    @Transactional
    long recordAudited(Demand demand) {
        long id = jdbc.execute(connection -> insert(connection, demand, false));
        audit.record(demand.user(), "BED_REQUEST", "CLIENT", demand.clientId());
        return id;
    }

    private static long insert(Connection connection, Demand d, boolean ownTransaction) throws SQLException {
        List<Long> kept = d.rankedProgramIds().subList(0, Math.min(d.rankedProgramIds().size(), KEPT_MATCHES));
        try (PreparedStatement statement = connection.prepareStatement(sql(kept.size(), ownTransaction))) {
            int i = 1;
            statement.setObject(i++, d.user().organizationId());
            statement.setLong(i++, d.user().id());
            statement.setObject(i++, d.clientId());
            statement.setString(i++, d.regionCode());
            statement.setString(i++, d.types());
            statement.setString(i++, d.needsJson());
            statement.setBoolean(i++, d.admitNow());
            statement.setInt(i++, d.matchCount());
            statement.setBoolean(i++, d.matchCount() == 0);
            statement.setTimestamp(i++, Timestamp.from(d.at()));
            for (Long programId : kept) {
                statement.setLong(i++, programId);
            }
            // past START TRANSACTION, the INSERTs and COMMIT to the id
            try (ResultSet rs = MultiStatements.execute(statement)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String sql(int matches, boolean ownTransaction) {
        StringBuilder sql = new StringBuilder(ownTransaction ? "START TRANSACTION;" : "");
        sql.append("INSERT INTO bed_requests (organization_id, user_id, client_id, region_code, types, needs,"
                + " admit_now, match_count, unmet, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);");
        if (matches > 0) {
            // bed_request_matches has no AUTO_INCREMENT column, so LAST_INSERT_ID() stays the request's id
            sql.append("INSERT INTO bed_request_matches (bed_request_id, rank_order, program_id) VALUES ");
            for (int rank = 1; rank <= matches; rank++) {
                sql.append(rank == 1 ? "" : ",").append("(LAST_INSERT_ID(),").append(rank).append(",?)");
            }
            sql.append(';');
        }
        sql.append(ownTransaction ? "COMMIT;" : "").append("SELECT LAST_INSERT_ID()");
        return sql.toString();
    }
}
