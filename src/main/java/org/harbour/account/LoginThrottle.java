package org.harbour.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Failed logins are throttled per username (10 in 15 minutes, API.md) and per client address,
 * with token buckets (bucket4j) held in a bounded, self-expiring cache.
 * <p>
 * Every attempt takes its token before the password is checked and a successful one gives it back,
 * so parallel guesses cannot all pass a check made before any of them has failed.
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

    /** Takes one attempt from the username's and the address's allowance: empty if allowed, else seconds to wait. */
    public OptionalLong tryAttempt(String username, String address) {
        Bucket user = byUsername.get(key(username), k -> bucket(perUsername));
        ConsumptionProbe userProbe = user.tryConsumeAndReturnRemaining(1);
        if (!userProbe.isConsumed()) {
            return seconds(userProbe.getNanosToWaitForRefill());
        }
        ConsumptionProbe addressProbe = byAddress.get(address, k -> bucket(perAddress)).tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            user.addTokens(1);
            return seconds(addressProbe.getNanosToWaitForRefill());
        }
        return OptionalLong.empty();
    }

    /** The attempt taken by {@link #tryAttempt} succeeded: it does not count as a failure. */
    public void succeeded(String username, String address) {
        refund(byUsername.getIfPresent(key(username)));
        refund(byAddress.getIfPresent(address));
    }

    private static void refund(Bucket bucket) {
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private static OptionalLong seconds(long nanos) {
        return OptionalLong.of(Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1));
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
