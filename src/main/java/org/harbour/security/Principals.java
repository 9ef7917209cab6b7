package org.harbour.security;

import java.util.Optional;

/**
 * Who may sign in, as the account feature stores it. Security defines what it needs and the account
 * feature answers, so the arrow points from accounts to security and never back.
 */
public interface Principals {

    /** The active user of that name with her assignments, or empty when there is none or she is disabled. */
    Optional<CurrentUser> activeUser(String username);

    /** The facility a live (not revoked) feed key may update, or empty. */
    Optional<FeedKey> feedKey(String key);

    record FeedKey(long keyId, long facilityId) {
    }
}
