package org.harbour.hold;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.harbour.organization.Organizations;
import org.harbour.problem.ProblemException;

/**
 * Holds are for people: at most {@code harbour.holds.per-client} active holds per client and
 * {@code harbour.holds.per-organization} per organization, so one caseworker cannot empty a region's beds with
 * holds nobody will use. Checked under the organization's row lock, so parallel requests cannot all slip under
 * the limit; each refusal is a 409 that names its limit.
 */
@Singleton
class HoldLimits {

    private final HoldRepository holds;
    private final Organizations organizations;
    private final int perClient;
    private final int perOrganization;

    HoldLimits(HoldRepository holds, Organizations organizations,
               @Value("${harbour.holds.per-client:2}") int perClient,
               @Value("${harbour.holds.per-organization:20}") int perOrganization) {
        if (perClient < 1 || perOrganization < 1) {
            throw new IllegalArgumentException("harbour.holds.per-client and per-organization must be at least 1");
        }
        this.holds = holds;
        this.organizations = organizations;
        this.perClient = perClient;
        this.perOrganization = perOrganization;
    }

    /** Refuses a new hold for this organization (and client) if it would pass a limit; call inside its transaction. */
    void checkRoomFor(long organizationId, @Nullable Long clientId) {
        organizations.lock(organizationId);
        if (holds.countActiveOfOrganization(organizationId) >= perOrganization) {
            throw ProblemException.conflict("Your organization already holds " + perOrganization
                    + " beds, its limit of active holds; release one it no longer needs first");
        }
        if (clientId != null && holds.countActiveOfClient(clientId) >= perClient) {
            throw ProblemException.conflict("This client already has " + perClient
                    + " beds held, the limit per client; release one first");
        }
    }
}
