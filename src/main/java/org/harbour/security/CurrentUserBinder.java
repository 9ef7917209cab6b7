package org.harbour.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets controllers take a {@link CurrentUser} parameter; a token for a removed user is a 401. */
@Singleton
class CurrentUserBinder implements TypedRequestArgumentBinder<CurrentUser> {

    private final CurrentUsers currentUsers;

    CurrentUserBinder(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @Override
    public Argument<CurrentUser> argumentType() {
        return Argument.of(CurrentUser.class);
    }

    @Override
    public BindingResult<CurrentUser> bind(ArgumentConversionContext<CurrentUser> context, HttpRequest<?> source) {
        Optional<Authentication> authentication = source.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            throw new AuthorizationException(null);
        }
        CurrentUser user = currentUsers.of(authentication.get())
                .orElseThrow(() -> new AuthorizationException(null));
        return () -> Optional.of(user);
    }
}
