package org.harbour.hold;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.harbour.client.Clients;
import org.harbour.organization.Organizations;
import java.util.Map;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.ProblemException;

import java.util.Optional;

/**
 * Holds are for people: at most {@code harbour.holds.per-client} active holds per client and
 * {@code harbour.holds.per-organization} per organization, so one caseworker cannot empty a region's beds with
 * holds nobody will use. Each refusal is a 409 that names its limit.
 *
 * <p>Parallel requests of one organization are serialized on its row ({@link #lock}), which must be the first
 * statement of the hold's transaction: a locking read takes no snapshot, so the counts after it (plain reads, which
 * take none of the gap locks a locking count would, and which deadlocked with releases) see every hold committed
 * before the lock was granted.
 */
@Singleton
class HoldLimits {

    private final HoldRepository holds;
    private final Organizations organizations;
    private final Clients clients;
    private final int perClient;
    private final int perOrganization;

    HoldLimits(HoldRepository holds, Organizations organizations, Clients clients,
               @Value("${harbour.holds.per-client:2}") int perClient,
               @Value("${harbour.holds.per-organization:20}") int perOrganization) {
        if (perClient < 1 || perOrganization < 1) {
            throw new IllegalArgumentException("harbour.holds.per-client and per-organization must be at least 1");
        }
        this.holds = holds;
        this.organizations = organizations;
        this.clients = clients;
        this.perClient = perClient;
        this.perOrganization = perOrganization;
    }

    /**
     * Locks the organization the hold will count against (the client's, else the caller's) and answers it; empty
     * for a client that does not exist or a caller without an organization. First statement of the transaction.
     */
    Optional<Long> lock(@Nullable Long clientId, @Nullable Long callersOrganization) {
        Optional<Long> organization = clientId != null ? clients.lockAndGetOrganization(clientId)
                : Optional.ofNullable(callersOrganization);
        organization.ifPresent(organizations::lock);
        return organization;
    }

    /** Refuses a new hold for this organization (and client) if it would pass a limit; after {@link #lock}. */
    void checkRoomFor(long organizationId, @Nullable Long clientId) {
        if (holds.countActiveOfOrganization(organizationId) >= perOrganization) {
            throw ProblemException.conflict(ProblemCode.HOLD_LIMIT_ORGANIZATION, "Your organization already holds "
                    + perOrganization + " beds, its limit of active holds; release one it no longer needs first",
                    Map.of("limit", perOrganization));
        }
        if (clientId != null && holds.countActiveOfClient(clientId) >= perClient) {
            throw ProblemException.conflict(ProblemCode.HOLD_LIMIT_CLIENT, "This client already has " + perClient
                    + " beds held, the limit per client; release one first", Map.of("limit", perClient));
        }
    }
}
