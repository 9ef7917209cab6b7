package org.harbour.live;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A socket lives no longer than its token, nor than its user: the periodic check (every 0.5 s here, 15 s by
 * default) closes it with 4401 once the token's exp has passed, or once its user is gone even when nothing
 * said so (an account disabled in SQL, without a user.changed event).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocketLifetimeTest implements HarbourTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final int TOKEN_SECONDS = 6;
    static final Duration CHECK = Duration.ofMillis(500);

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("harbour.token-lifetime-seconds", Integer.toString(TOKEN_SECONDS));
        properties.put("harbour.live.session-check-interval", "PT0.5S");
        return properties;
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpiresAndNotBefore() throws Exception {
        Fixtures fixtures = new Fixtures(server.getURI()); // signs the admin in afresh: tokens live 6 s here
        Http caseworker = fixtures.caseworker("Street Outreach Toronto");
        Instant expires = Handshake.expiryOf(caseworker.token());

        try (LiveClient client = LiveClient.connect(server.getURI(), caseworker.token(), null)) {
            assertThat(client.next(WAIT)).containsEntry("type", "snapshot");

            int code = client.closed().get(TOKEN_SECONDS + WAIT.toSeconds(), TimeUnit.SECONDS);
            Instant closedAt = Instant.now();

            assertThat(code).isEqualTo(4401);
            assertThat(client.closeReason()).isEqualTo("token expired");
            assertThat(closedAt).isAfterOrEqualTo(expires)
                    .isBefore(expires.plus(CHECK).plusSeconds(2)); // the check's interval, and slack for a busy machine
        }
    }

    @Test
    void aUserDisabledWithoutAWordIsClosedByTheCheck() throws Exception {
        Fixtures fixtures = new Fixtures(server.getURI());
        String username = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");
        // a token that outlives the test, so only the user check can close the socket
        String token = Handshake.token(username, "CASEWORKER", Instant.now().plusSeconds(600));

        try (LiveClient client = LiveClient.connect(server.getURI(), token, null)) {
            assertThat(client.next(WAIT)).containsEntry("type", "snapshot");

            Sql.update("UPDATE users SET active = FALSE WHERE username = ?", username);
            long disabledAt = System.nanoTime();

            // CurrentUsers caches a user for 5 s; the check then finds her gone
            assertThat(client.closed().get(5 + WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
            assertThat(client.closeReason()).isEqualTo("signed out");
            assertThat(Duration.ofNanos(System.nanoTime() - disabledAt)).isLessThan(Duration.ofSeconds(60));
        }
    }
}
