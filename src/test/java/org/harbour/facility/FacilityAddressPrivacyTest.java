package org.harbour.facility;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Fixtures.CreatedFacility;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.FacilityBuilder.defaultFacility;
import static org.harbour.testdata.ProgramBuilder.defaultProgram;

/** Privacy rule 1: a confidential address reaches only ADMIN and that facility's own staff. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityAddressPrivacyTest implements HarbourTest {

    static final String SECRET_ADDRESS = "77 Hidden Lane";
    static final String PUBLIC_ADDRESS = "1 Open Street";

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    CreatedFacility safeHouse;
    CreatedFacility dropIn;

    @BeforeAll
    void createFacilities() {
        fixtures = new Fixtures(server.getURI());
        safeHouse = fixtures.facility(defaultFacility().confidential(true).with("address", SECRET_ADDRESS)
                .withProgram(defaultProgram()));
        dropIn = fixtures.facility(defaultFacility().confidential(false).with("address", PUBLIC_ADDRESS)
                .withProgram(defaultProgram()));
    }

    @Test
    void adminAndTheFacilitysOwnStaffSeeTheConfidentialAddress() {
        for (Http viewer : List.of(fixtures.admin(), fixtures.staffOf(safeHouse.id()))) {
            assertThat(addressInList(viewer, safeHouse.id())).isEqualTo(SECRET_ADDRESS);
            assertThat(addressShown(viewer, safeHouse.id())).isEqualTo(SECRET_ADDRESS);
        }
    }

    @Test
    void everyoneElseGetsNullButStillSeesRegionMunicipalityAndIntakePhone() {
        List<Http> others = List.of(fixtures.staffOf(dropIn.id()), fixtures.caseworker("Street Outreach Toronto"),
                fixtures.funder());
        for (Http viewer : others) {
            Map<String, Object> shown = viewer.get("/api/facilities/" + safeHouse.id()).map();
            assertThat(shown).containsEntry("address", null).containsEntry("confidential", true)
                    .containsEntry("regionCode", "ON-CENTRAL").containsEntry("municipality", "Toronto")
                    .containsEntry("intakePhone", "+1-416-555-0100");
            assertThat(addressInList(viewer, safeHouse.id())).isNull();
            Http.Reply everything = viewer.get("/api/facilities");
            assertThat(everything.body()).doesNotContain(SECRET_ADDRESS);
            assertThat(viewer.get("/api/availability").body()).doesNotContain(SECRET_ADDRESS);
        }
    }

    @Test
    void aNonConfidentialAddressIsVisibleToEveryRole() {
        List<Http> everyone = List.of(fixtures.admin(), fixtures.staffOf(safeHouse.id()),
                fixtures.caseworker("Street Outreach Toronto"), fixtures.funder());
        for (Http viewer : everyone) {
            assertThat(addressInList(viewer, dropIn.id())).isEqualTo(PUBLIC_ADDRESS);
            assertThat(addressShown(viewer, dropIn.id())).isEqualTo(PUBLIC_ADDRESS);
        }
    }

    @Test
    void anAdminUpdateResponseShowsTheAddressAndMakingItConfidentialHidesIt() {
        CreatedFacility moving = fixtures.facility(defaultFacility().with("address", PUBLIC_ADDRESS)
                .withProgram(defaultProgram()));
        Http caseworker = fixtures.caseworker("Street Outreach Toronto");
        assertThat(addressShown(caseworker, moving.id())).isEqualTo(PUBLIC_ADDRESS);

        Http.Reply updated = fixtures.admin().put("/api/facilities/" + moving.id(),
                defaultFacility().confidential(true).with("address", SECRET_ADDRESS).build());

        assertThat(updated.map()).containsEntry("address", SECRET_ADDRESS);
        assertThat(addressShown(caseworker, moving.id())).isNull();
    }

    private static String addressShown(Http viewer, long facilityId) {
        Http.Reply reply = viewer.get("/api/facilities/" + facilityId);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (String) reply.map().get("address");
    }

    private static String addressInList(Http viewer, long facilityId) {
        Http.Reply reply = viewer.get("/api/facilities");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> facility = reply.list().stream()
                .filter(f -> ((Number) f.get("id")).longValue() == facilityId).findFirst().orElseThrow();
        return (String) facility.get("address");
    }
}
