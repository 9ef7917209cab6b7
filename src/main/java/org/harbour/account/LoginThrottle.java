package org.harbour.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Failed logins are throttled per username as typed (10 in 15 minutes, API.md; see {@link #key}) and per client address,
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

    /**
     * The name a failure counts against: the name as typed, normalized by one rule for every name, whether
     * an account has it or not (keying on the account found told an attacker which names exist, and let
     * ten tries as "fúnder" lock out "funder"). Compatibility forms (NFKC: full-width letters, ligatures,
     * a decomposed accent) and case are folded; accents are kept, so "fúnder" and "funder" count apart.
     * <p>
     * Case is folded character by character as {@link String#equalsIgnoreCase}, which decides whether a
     * typed name is the account's, folds it (the dotless "ı" and the Kelvin sign "K" are "i" and "k" there):
     * every spelling that signs in to an account counts under that account's one key. Folding before and
     * after NFKC keeps that so whatever NFKC maps a character to.
     */
    static String key(String username) {
        if (username == null) {
            return "";
        }
        return foldCase(Normalizer.normalize(foldCase(username.trim()), Normalizer.Form.NFKC));
    }

    private static String foldCase(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().map(c -> Character.toLowerCase(Character.toUpperCase(c))).forEach(folded::appendCodePoint);
        return folded.toString();
    }
}
