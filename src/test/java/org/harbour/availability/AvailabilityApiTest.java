package org.harbour.availability;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailabilityApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void staffOfTheFacilityReportsCountsAndEveryoneReadsThem() {
        var facility = fixtures.facilityWithBeds(12, 0);
        Http staff = fixtures.staffOf(facility.id());

        Http.Reply reply = staff.put("/api/programs/" + facility.programId() + "/availability",
                Map.of("available", 3, "outOfService", 1));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> counts = reply.map();
        assertThat(counts).containsEntry("capacity", 12).containsEntry("available", 3).containsEntry("held", 0)
                .containsEntry("bookable", 3).containsEntry("outOfService", 1).containsEntry("occupied", 8)
                .containsEntry("stale", false);
        Http.Reply read = fixtures.caseworker("Street Outreach Toronto").get("/api/programs/" + facility.programId() + "/availability");
        assertThat(read.map()).containsEntry("available", 3).containsEntry("version", counts.get("version"));
    }
}
