package org.harbour.hold;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.harbour.organization.Organizations;
import java.util.Map;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.ProblemException;

import java.sql.ResultSet;

/**
 * Holds are for people: at most {@code harbour.holds.per-client} active holds per client and
 * {@code harbour.holds.per-organization} per organization, so one caseworker cannot empty a region's beds with
 * holds nobody will use. Each refusal is a 409 that names its limit.
 *
 * <p>Parallel requests of one organization are serialized on its row ({@link #lockAndCheckRoomFor}), whose locking
 * read must be the first statement of the hold's transaction: a locking read takes no snapshot, so the count after
 * it (a plain read, which takes none of the gap locks a locking count would, and which deadlocked with releases) sees
 * every hold committed before the lock was granted. The client belongs to the organization, so its lock covers hers.
 */
@Singleton
class HoldLimits {

    private final Organizations organizations;
    private final JdbcOperations jdbc;
    private final int perClient;
    private final int perOrganization;

    HoldLimits(Organizations organizations, JdbcOperations jdbc,
               @Value("${harbour.holds.per-client:2}") int perClient,
               @Value("${harbour.holds.per-organization:20}") int perOrganization) {
        if (perClient < 1 || perOrganization < 1) {
            throw new IllegalArgumentException("harbour.holds.per-client and per-organization must be at least 1");
        }
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.perClient = perClient;
        this.perOrganization = perOrganization;
    }

    /**
     * Locks the organization the hold will count against and refuses the hold if it would pass a limit: the
     * organization's active holds and, among them, the client's, in one read. First statement of the transaction.
     */
    void lockAndCheckRoomFor(long organizationId, @Nullable Long clientId) {
        organizations.lock(organizationId);
        int[] active = jdbc.prepareStatement("SELECT COUNT(*), COALESCE(SUM(client_id <=> ?), 0) FROM holds"
                + " WHERE organization_id = ? AND status = 'ACTIVE'", statement -> {
            statement.setObject(1, clientId);
            statement.setLong(2, organizationId);
            try (ResultSet rs = statement.executeQuery()) {
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
