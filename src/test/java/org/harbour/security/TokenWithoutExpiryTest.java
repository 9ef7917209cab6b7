package org.harbour.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/** A correctly signed token that never expires is refused everywhere: a token must say when it ends. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenWithoutExpiryTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aSignedTokenWithoutExpIsRefusedOnRestAndOnTheSocket() {
        Fixtures fixtures = new Fixtures(server.getURI());
        String forever = Tokens.hs256(TestDatabase.JWT_SECRET, new JWTClaimsSet.Builder()
                .subject(TestDatabase.ADMIN_USERNAME).claim("roles", List.of("ADMIN"))
                .issueTime(Date.from(Instant.now().minusSeconds(60))).build());
        // the same claims with an expiry: what makes the other one dead is only the missing exp
        String expiring = Tokens.hs256(TestDatabase.JWT_SECRET,
                Tokens.claims(TestDatabase.ADMIN_USERNAME, "ADMIN", Instant.now().plusSeconds(600)));

        assertThat(fixtures.anonymous().as(expiring).get("/api/users").status()).isEqualTo(200);
        assertThat(handshake(expiring)).isEqualTo(101);

        for (String path : List.of("/api/users", "/api/users/me", "/api/availability", "/prometheus")) {
            assertProblem(fixtures.anonymous().as(forever).get(path), 401);
        }
        assertProblem(fixtures.anonymous().as(forever).post("/api/login/refresh", java.util.Map.of()), 401);
        assertThat(handshake(forever)).isEqualTo(401);
    }

    private int handshake(String token) {
        URI uri = URI.create(server.getURI().toString().replaceFirst("^http", "ws") + "/ws/live?access_token=" + token);
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { })
                    .orTimeout(10, TimeUnit.SECONDS).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
