package org.harbour.security;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/**
 * Who is calling, as the rules need it: role, organization and the facilities they work at.
 * A feed key is a principal of its own that may touch one facility's counts and nothing else.
 */
public record CurrentUser(
        long id,
        String username,
        @Nullable Role role,
        @Nullable Long organizationId,
        Set<Long> facilityIds,
        @Nullable Long feedFacilityId) {

    public static CurrentUser feed(long keyId, long facilityId) {
        return new CurrentUser(keyId, "feed-key:" + keyId, null, null, Set.of(), facilityId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isFeed() {
        return feedFacilityId != null;
    }

    /** May change this facility's counts: ADMIN, its own staff, or its own feed key. */
    public boolean mayUpdateCountsOf(long facilityId) {
        return isAdmin()
                || (role == Role.SHELTER_STAFF && facilityIds.contains(facilityId))
                || (feedFacilityId != null && feedFacilityId == facilityId);
    }

    /** May read a confidential facility's address (privacy rule 1). */
    public boolean maySeeAddressOf(long facilityId) {
        return isAdmin() || (role == Role.SHELTER_STAFF && facilityIds.contains(facilityId));
    }
}
