package org.harbour.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Failed logins are throttled per username (10 in 15 minutes, API.md) and per client address,
 * with token buckets (bucket4j) held in a bounded, self-expiring cache.
 */
@Singleton
public class LoginThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, Bucket> byUsername;
    private final Cache<String, Bucket> byAddress;
    private final int perUsername;
    private final int perAddress;

    public LoginThrottle(@Value("${harbour.login.failures-per-username:10}") int perUsername,
                         @Value("${harbour.login.failures-per-address:100}") int perAddress) {
        this.perUsername = perUsername;
        this.perAddress = perAddress;
        this.byUsername = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(WINDOW).build();
        this.byAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(WINDOW).build();
    }

    /** Seconds to wait when this username or address has used up its failures, else empty. */
    public OptionalLong retryAfterSeconds(String username, String address) {
        long wait = Math.max(waitNanos(byUsername.getIfPresent(key(username))),
                waitNanos(byAddress.getIfPresent(address)));
        return wait > 0 ? OptionalLong.of(Math.max(1, Duration.ofNanos(wait).toSeconds() + 1)) : OptionalLong.empty();
    }

    public void recordFailure(String username, String address) {
        byUsername.get(key(username), k -> bucket(perUsername)).tryConsume(1);
        byAddress.get(address, k -> bucket(perAddress)).tryConsume(1);
    }

    private static long waitNanos(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private static Bucket bucket(int capacity) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, WINDOW))
                .build();
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
