package org.harbour.security;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/**
 * Who is calling, as the rules need it: role, organization and the facilities they work at.
 * A feed key is a principal of its own that may touch one facility's counts and nothing else.
 * {@code mustChangePassword}: she signed in with a password an administrator set, and may only change it.
 */
public record CurrentUser(
        long id,
        String username,
        @Nullable Role role,
        @Nullable Long organizationId,
        Set<Long> facilityIds,
        @Nullable Long feedFacilityId,
        boolean mustChangePassword) {

    public CurrentUser(long id, String username, @Nullable Role role, @Nullable Long organizationId,
                       Set<Long> facilityIds, @Nullable Long feedFacilityId) {
        this(id, username, role, organizationId, facilityIds, feedFacilityId, false);
    }

    public static CurrentUser feed(long keyId, long facilityId) {
        return new CurrentUser(keyId, "feed-key:" + keyId, null, null, Set.of(), facilityId, false);
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
