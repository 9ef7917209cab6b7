package org.harbour.live;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.awaitility.core.ConditionFactory;
import org.harbour.organization.Organizations;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.harbour.live.Streams.availability;

/** Slow and far-behind clients, with a small outbox so its limit is reached quickly. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientTest implements HarbourTest {

    static final int OUTBOX_LIMIT = 8;
    static final int FLOOD = 200;
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Organizations organizations;
    @Inject
    LiveHub hub;
    @Inject
    EventTailer tailer;

    Fixtures fixtures;
    EventTable events;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("harbour.live.outbox-limit", String.valueOf(OUTBOX_LIMIT));
        return properties;
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        events = new EventTable(context);
    }

    @Test
    void aClientThatStopsReadingDoesNotDelayOthersAndIsDropped() throws Exception {
        String organization = Fixtures.unique("Outreach A");
        Http frozenUser = fixtures.caseworker(organization);
        long organizationId = organizations.findIdByName(organization).orElseThrow();
        long program = fixtures.facilityWithBeds(12, 0).programId();
        try (LiveClient normal = connect(fixtures.caseworker("Street Outreach Toronto"), null);
             StuckClient frozen = StuckClient.connect(server.getURI(), frozenUser.token())) {
            assertThat(normal.next(WAIT)).containsEntry("type", "snapshot");
            soon().until(() -> hub.size() == 2);

            // ~13 MB for the frozen client's organization only, far more than socket buffers and outbox
            // hold, in small steps so that only being stuck (not a burst) can fill its outbox
            Map<String, Object> large = Map.of("entryId", 1, "programId", program, "padding", "x".repeat(64 * 1024));
            for (int i = 0; i < FLOOD / 4; i++) {
                long seq = events.append("waitlist.offered", program, organizationId, 4, large);
                soon().until(() -> tailer.lastSeq() >= seq); // handed out without blocking
            }
            soon().until(() -> hub.size() == 1); // dropped, and no longer taking events

            long start = System.nanoTime();
            report(program, 3);
            Map<String, Object> change = normal.awaitMatching(m -> Streams.isChangeOf(m, List.of(program)),
                    Duration.ofSeconds(1).minusNanos(System.nanoTime() - start));
            assertThat(availability(change)).containsEntry("available", 3);
            StuckClient.Ending ending = frozen.readToEnd();
            assertThat(ending.messages()).isLessThan(1 + FLOOD);
            assertThat(ending.closeCode()).isEqualTo(1013); // TRY_AGAIN_LATER: reconnect with since
        }
    }

    @Test
    void aClientTooFarBehindForItsOutboxGetsASnapshotInsteadOfBeingDropped() {
        long program = fixtures.facilityWithBeds(12, 0).programId();
        Map<String, Object> released = Map.of("programId", program, "holdId", 7);
        long seen = events.append("hold.released", program, null, 1, released);
        events.append("hold.released", program, null, 5 * OUTBOX_LIMIT, released);

        try (LiveClient behind = connect(fixtures.caseworker("Street Outreach Toronto"), seen)) {
            assertThat(behind.next(WAIT)).containsEntry("type", "snapshot");
            report(program, 2);
            Map<String, Object> change = behind.awaitMatching(m -> Streams.isChangeOf(m, List.of(program)), WAIT);
            assertThat(availability(change)).containsEntry("available", 2);
            assertThat(behind.closed()).isNotDone();
        }
    }

    private static ConditionFactory soon() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    private LiveClient connect(Http user, Long since) {
        return LiveClient.connect(server.getURI(), user.token(), since);
    }

    private void report(long programId, int available) {
        Http.Reply reply = fixtures.admin().put("/api/programs/" + programId + "/availability", Map.of("available", available));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}
