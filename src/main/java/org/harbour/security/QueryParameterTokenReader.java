package org.harbour.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Browsers cannot set headers on a WebSocket handshake, so /ws/ takes the token as ?access_token=. */
@Singleton
class QueryParameterTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (!request.getPath().startsWith("/ws/")) {
            return Optional.empty();
        }
        return request.getParameters().getFirst("access_token");
    }
}
