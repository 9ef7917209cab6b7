package org.harbour.search;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.security.CurrentUser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records bed requests and their ranked matches (demand, for funders' reports), never one without the other. Ids are
 * given ({@link BedRequestIds}). Requests without a client go in batches, after their answers ({@link DemandWriter}):
 * one packet holds START TRANSACTION, the requests' INSERT, the matches' INSERT and COMMIT (Connector/J
 * allowMultiQueries, client-side prepared statements, so every value is still bound, never concatenated). A request
 * naming a client is written with its audit row in the request's own transaction, before the answer.
 */
@Singleton
class DemandRecords {

    /** Matches kept per request, the best first; the answer may show more (its limit) or fewer. */
    static final int KEPT_MATCHES = 50;

    /** {@code matchCount}: how many matched in all; {@code rankedProgramIds}: the best of them, at most KEPT_MATCHES. */
    record Demand(long id, CurrentUser user, Long clientId, String regionCode, String types, String needsJson,
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
    void write(List<Demand> demands) {
        jdbc.execute(connection -> {
            try {
                insert(connection, demands, true);
                return null;
            } catch (SQLException e) {
                // The server stops a multi-statement packet at the failing statement, so the request rows may
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
    void writeAudited(Demand demand) {
        jdbc.execute(connection -> {
            insert(connection, List.of(demand), false);
            return null;
        });
        audit.record(demand.user(), "BED_REQUEST", "CLIENT", demand.clientId());
    }

    private static void insert(Connection connection, List<Demand> demands, boolean ownTransaction) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(demands, ownTransaction))) {
            int i = 1;
            for (Demand d : demands) {
                statement.setLong(i++, d.id());
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
            }
            for (Demand d : demands) {
                for (Long programId : d.rankedProgramIds()) {
                    statement.setLong(i++, d.id());
                    statement.setLong(i++, programId);
                }
            }
            // every statement's result read, so that a failing one throws here
            boolean isQuery = statement.execute();
            while (isQuery || statement.getUpdateCount() != -1) {
                isQuery = statement.getMoreResults();
            }
        }
    }

    private static String sql(List<Demand> demands, boolean ownTransaction) {
        List<String> statements = new ArrayList<>();
        if (ownTransaction) {
            statements.add("START TRANSACTION");
        }
        StringBuilder requests = new StringBuilder("INSERT INTO bed_requests (id, organization_id, user_id, client_id,"
                + " region_code, types, needs, admit_now, match_count, unmet, created_at) VALUES ");
        for (int n = 0; n < demands.size(); n++) {
            requests.append(n == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        statements.add(requests.toString());
        StringBuilder matches = new StringBuilder("INSERT INTO bed_request_matches (bed_request_id, rank_order, program_id) VALUES ");
        boolean any = false;
        for (Demand d : demands) {
            for (int rank = 1; rank <= d.rankedProgramIds().size(); rank++) {
                matches.append(any ? "," : "").append("(?,").append(rank).append(",?)");
                any = true;
            }
        }
        if (any) {
            statements.add(matches.toString());
        }
        if (ownTransaction) {
            statements.add("COMMIT");
        }
        return String.join(";", statements);
    }
}
