package org.harbour.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A token must say when it ends. Micronaut's own expiry check passes a token without {@code exp}, so a
 * correctly signed token made without one (a leaked secret, a test tool) would work for ever; Harbour
 * never issues such a token, and refuses one on every route and on /ws/live.
 */
@Singleton
class ExpiryRequiredClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return TokenExpiry.of(claims.get(Claims.EXPIRATION_TIME)).isPresent();
    }
}
