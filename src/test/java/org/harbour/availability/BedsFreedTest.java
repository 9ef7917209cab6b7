package org.harbour.availability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger says "beds freed" exactly when a change made more beds bookable than before, as the database
 * compares them in the change's own statement: never for a change that took beds or left bookable as it was.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedsFreedTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Recorder recorder;

    Fixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(TestDatabase.properties());
        properties.put("harbour.test.beds-freed-recorder", "true");
        return properties;
    }

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void onlyChangesThatRaiseBookableSayBedsWereFreed() {
        var shelter = fixtures.facilityWithBeds(10, 0);
        long program = shelter.programId();
        Http staff = fixtures.staffOf(shelter.id());
        Http caseworker = fixtures.caseworker(Fixtures.unique("Outreach"));

        assertThat(freedAfter(program, () -> report(staff, program, Map.of("available", 2)))).isEqualTo(1);
        assertThat(freedAfter(program, () -> report(staff, program, Map.of("available", 2, "outOfService", 3))))
                .as("bookable stayed 2").isZero();
        assertThat(freedAfter(program, () -> report(staff, program, Map.of("available", 1)))).as("bookable fell").isZero();
        long[] hold = new long[1];
        long client = Fixtures.clientOf(caseworker);
        assertThat(freedAfter(program, () -> hold[0] = caseworker.post("/api/programs/" + program + "/holds",
                Map.of("clientId", client, "minutes", 30)).id())).as("a hold takes a bed").isZero();
        assertThat(freedAfter(program, () -> report(staff, program, Map.of("available", 0))))
                .as("fewer beds than holds: bookable stays 0").isZero();
        assertThat(freedAfter(program, () -> assertThat(caseworker.delete("/api/holds/" + hold[0]).status())
                .isEqualTo(204))).as("released while nothing is free: still 0 bookable").isZero();
        assertThat(freedAfter(program, () -> report(staff, program, Map.of("available", 3)))).isEqualTo(1);
    }

    private long freedAfter(long program, Runnable change) {
        long before = recorder.freedFor(program);
        change.run();
        return recorder.freedFor(program) - before;
    }

    private static void report(Http staff, long program, Map<String, Object> counts) {
        Http.Reply reply = staff.put("/api/programs/" + program + "/availability", counts);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** Records every BedsFreed the application publishes, in this test's context only. */
    @Singleton
    @Requires(property = "harbour.test.beds-freed-recorder", value = "true")
    static class Recorder {
        private final List<BedsFreed> published = new CopyOnWriteArrayList<>();

        @EventListener
        void onBedsFreed(BedsFreed freed) {
            published.add(freed);
        }

        long freedFor(long programId) {
            return published.stream().filter(f -> f.programId() == programId).count();
        }
    }
}
