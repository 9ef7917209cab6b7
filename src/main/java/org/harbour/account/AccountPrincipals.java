package org.harbour.account;

import jakarta.inject.Singleton;
import org.harbour.security.CurrentUser;
import org.harbour.security.Principals;

import java.util.Optional;
import java.util.Set;

/** Answers security's questions from the users, their facility assignments and the feed keys. */
@Singleton
class AccountPrincipals implements Principals {

    private final UserRepository users;
    private final FeedKeys feedKeys;

    AccountPrincipals(UserRepository users, FeedKeys feedKeys) {
        this.users = users;
        this.feedKeys = feedKeys;
    }

    @Override
    public Optional<CurrentUser> activeUser(String username) {
        return users.findByUsername(username)
                .filter(User::active)
                .map(u -> new CurrentUser(u.id(), u.username(), u.role(), u.organizationId(),
                        Set.copyOf(users.findFacilityIds(u.id())), null, u.mustChangePassword()));
    }

    @Override
    public Optional<FeedKey> feedKey(String key) {
        Optional<FeedKey> found = feedKeys.find(key);
        found.ifPresent(k -> feedKeys.used(k.keyId()));
        return found;
    }
}
