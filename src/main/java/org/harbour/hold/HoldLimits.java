package org.harbour.hold;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.util.Map;
import jakarta.inject.Singleton;
import org.harbour.platform.MultiStatements;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.ProblemException;

import java.sql.ResultSet;

/**
 * Holds are for people: at most {@code harbour.holds.per-client} active holds per client and
 * {@code harbour.holds.per-organization} per organization, so one caseworker cannot empty a region's beds with
 * holds nobody will use. Each refusal is a 409 that names its limit.
 *
 * <p>Parallel requests of one organization are serialized on its row, locked by the first statement of the hold's
 * transaction: a locking read takes no snapshot, so the counts after it (plain reads, which take none of the gap
 * locks a locking count would, and which deadlocked with releases) see every hold committed before the lock was
 * granted. The lock and both counts go as one packet: the organization is locked for one round trip less.
 */
@Singleton
class HoldLimits {

    private final JdbcOperations jdbc;
    private final int perClient;
    private final int perOrganization;

    HoldLimits(JdbcOperations jdbc,
               @Value("${harbour.holds.per-client:2}") int perClient,
               @Value("${harbour.holds.per-organization:20}") int perOrganization) {
        if (perClient < 1 || perOrganization < 1) {
            throw new IllegalArgumentException("harbour.holds.per-client and per-organization must be at least 1");
        }
        this.jdbc = jdbc;
        this.perClient = perClient;
        this.perOrganization = perOrganization;
    }

    /**
     * Locks the organization the hold counts against (the client's, read before the transaction, or the caller's)
     * and refuses the hold if it would pass a limit. The first statement of the hold's transaction. A client's hold
     * counts against her organization, so its lock also serializes her own holds.
     */
    void lockAndCheck(long organizationId, @Nullable Long clientId) {
        // the client's row first, as before (retention and the door lock it too), then the organization's
        String lock = (clientId != null ? "SELECT id FROM clients WHERE id = ? FOR UPDATE;\n" : "")
                + "SELECT id FROM organizations WHERE id = ? FOR UPDATE;\n";
        int[] active = jdbc.prepareStatement(lock + """
                SELECT (SELECT COUNT(*) FROM holds WHERE organization_id = ? AND status = 'ACTIVE'),
                       (SELECT COUNT(*) FROM holds WHERE client_id = ? AND status = 'ACTIVE')""", statement -> {
            int i = 1;
            if (clientId != null) {
                statement.setLong(i++, clientId);
            }
            statement.setLong(i++, organizationId);
            statement.setLong(i++, organizationId);
            statement.setObject(i, clientId);
            statement.execute(); // the first lock's row
            if (clientId != null) {
                MultiStatements.queryAfter(statement).close(); // the organization's
            }
            try (ResultSet rs = MultiStatements.queryAfter(statement)) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        });
        if (active[0] >= perOrganization) {
            throw ProblemException.conflict(ProblemCode.HOLD_LIMIT_ORGANIZATION, "Your organization already holds "
                    + perOrganization + " beds, its limit of active holds; release one it no longer needs first",
                    Map.of("limit", perOrganization));
        }
        if (clientId != null && active[1] >= perClient) {
            throw ProblemException.conflict(ProblemCode.HOLD_LIMIT_CLIENT, "This client already has " + perClient
                    + " beds held, the limit per client; release one first", Map.of("limit", perClient));
        }
    }
}
