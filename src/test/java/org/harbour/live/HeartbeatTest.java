package org.harbour.live;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The server closes idle connections; a dashboard on a quiet night must stay connected anyway. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeartbeatTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("micronaut.server.idle-timeout", "2s"); // default 5 min, shortened to keep the test short
        properties.put("harbour.live.heartbeat", "PT0.5S");
        return properties;
    }

    @Test
    void aQuietDashboardOutlivesTheIdleTimeoutAndStillGetsChanges() {
        Fixtures fixtures = new Fixtures(server.getURI());
        long program = fixtures.facilityWithBeds(12, 0).programId();
        try (LiveClient quiet = LiveClient.connect(server.getURI(), fixtures.caseworker("Street Outreach Toronto").token(), null)) {
            assertThat(quiet.next(Duration.ofSeconds(5))).containsEntry("type", "snapshot");

            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> !quiet.closed().isDone());

            Http.Reply reply = fixtures.admin().put("/api/programs/" + program + "/availability", Map.of("available", 3));
            assertThat(reply.status()).isEqualTo(200);
            Map<String, Object> change = quiet.awaitMatching(m -> Streams.isChangeOf(m, List.of(program)), Duration.ofSeconds(1));
            assertThat(Streams.availability(change)).containsEntry("available", 3);
        }
    }
}
