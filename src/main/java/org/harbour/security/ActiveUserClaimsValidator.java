package org.harbour.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Optional;

/**
 * A signed, unexpired token is not enough: its user must still exist, be active and hold the role
 * the token names. Checked for every request (through the short cache of {@link CurrentUsers}), so
 * disabling a user takes effect on every route, not only on those that bind a {@link CurrentUser}.
 */
@Singleton
class ActiveUserClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final CurrentUsers currentUsers;

    ActiveUserClaimsValidator(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        if (!(claims.get(Claims.SUBJECT) instanceof String username)) {
            return false;
        }
        Optional<CurrentUser> user = currentUsers.byUsername(username);
        return user.isPresent() && user.get().role() != null
                && claims.get("roles") instanceof Collection<?> roles
                && roles.size() == 1 && roles.contains(user.get().role().name());
    }
}
