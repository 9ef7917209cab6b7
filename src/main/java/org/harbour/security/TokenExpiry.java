package org.harbour.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/** When a signed-in caller's token runs out: its {@code exp} claim, as the token validator read it. */
public final class TokenExpiry {

    private TokenExpiry() {
    }

    /** Empty for a caller without a token (a feed key) or a token without an expiry (refused anyway). */
    public static Optional<Instant> of(Authentication authentication) {
        return of(authentication.getAttributes().get(Claims.EXPIRATION_TIME));
    }

    /** The claim as nimbus parses it (a Date), or as seconds since the epoch. */
    static Optional<Instant> of(@Nullable Object exp) {
        if (exp instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (exp instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (exp instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        return Optional.empty();
    }
}
