package org.harbour.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Looks up the caller behind a token. Assignments and deactivation come from the database, cached
 * for a few seconds, so a change takes effect without waiting for the token to expire.
 */
@Singleton
public class CurrentUsers {

    static final String FEED_FACILITY = "feedFacilityId";
    static final String FEED_KEY = "feedKeyId";

    private final Principals principals;
    private final Cache<String, Optional<CurrentUser>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    public CurrentUsers(Principals principals) {
        this.principals = principals;
    }

    public Optional<CurrentUser> of(Authentication authentication) {
        Object feedFacility = authentication.getAttributes().get(FEED_FACILITY);
        if (feedFacility instanceof Number facilityId) {
            long keyId = ((Number) authentication.getAttributes().get(FEED_KEY)).longValue();
            return Optional.of(CurrentUser.feed(keyId, facilityId.longValue()));
        }
        return byUsername(authentication.getName());
    }

    /** The active user of that name, as the database says (at most a few seconds old). */
    public Optional<CurrentUser> byUsername(String username) {
        return cache.get(username, this::load);
    }

    /** Reads the user afresh next time: called when an account is disabled or changed, on every instance. */
    public void forget(String username) {
        cache.invalidate(username);
    }

    private Optional<CurrentUser> load(String username) {
        return principals.activeUser(username);
    }
}
