package org.harbour.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.harbour.testdata.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.search.Searches.general;

/**
 * Bed requests hold who each program admits in memory (issue 20); a caseworker must never be sent to a program on
 * rules it no longer has. Every change is searched at once, on this instance and on another one, whoever makes it:
 * the API on either instance, or a hand-run UPDATE as the importers and a database administrator make them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ProgramProfilesTest implements HarbourTest {

    @Inject
    EmbeddedServer a;

    SecondInstance b;
    Fixtures fixtures;
    Http caseworker;
    Http adminOnB;

    @BeforeAll
    void startSecondInstance() {
        b = SecondInstance.start();
        fixtures = new Fixtures(a.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Profiles outreach"));
        adminOnB = b.as(fixtures.admin());
    }

    @AfterAll
    void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aProgramEditedThroughAnotherInstanceIsSearchedByItsNewRulesAtOnce() {
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        ProgramBuilder forWomen = general().withEligibility("genders", List.of("WOMAN"));
        long program = searches.program(forWomen, 3);
        Map<String, Object> woman = Map.of("gender", "WOMAN");
        assertThat(searches.matched(woman, List.of(program))).containsExactly(program);

        Http.Reply edited = adminOnB.put("/api/programs/" + program,
                forWomen.withEligibility("genders", List.of("MAN")).withCapacity(10).build());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        Http.Reply after = searches.search(Map.of("regionCode", searches.region(), "needs", woman));
        assertThat(Searches.ids(after, List.of(program))).isEmpty();
        assertThat(Searches.reasonsOf(after, program)).containsExactly("GENDER");
    }

    @Test
    void aProgramAddedThroughAnotherInstanceIsFoundAtOnce() {
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        searches.program(general(), 1); // this instance reads the programs as they are now
        assertThat(searches.matched(Map.of(), List.of())).isEmpty();

        Http.Reply created = adminOnB.post("/api/facilities", FacilityBuilder.defaultFacility()
                .with("regionCode", searches.region()).withProgram(general().withCapacity(10)).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long added = ((Number) Sql.row("SELECT p.id FROM programs p JOIN facilities f ON f.id = p.facility_id"
                + " WHERE f.region_code = ? ORDER BY p.id DESC LIMIT 1", searches.region()).get("id")).longValue();
        assertThat(adminOnB.put("/api/programs/" + added + "/availability", Map.of("available", 2)).status())
                .isEqualTo(200);

        assertThat(searches.matched(Map.of(), List.of(added))).containsExactly(added);
    }

    @Test
    void aHandRunUpdateOfAProgramOrItsFacilityIsSearchedAtOnce() {
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        long program = searches.program(general().withEligibility("acceptsPets", true), 2);
        assertThat(searches.matched(Map.of("pets", true), List.of(program))).containsExactly(program);

        Sql.update("UPDATE programs SET accepts_pets = FALSE WHERE id = ?", program);
        assertThat(searches.matched(Map.of("pets", true), List.of(program))).isEmpty();

        Sql.update("UPDATE facilities f JOIN programs p ON p.facility_id = f.id SET f.name = 'Renamed by hand'"
                + " WHERE p.id = ?", program);
        Http.Reply renamed = searches.search(Map.of("regionCode", searches.region(), "needs", Map.of()));
        assertThat(Searches.match(renamed, program)).containsEntry("facilityName", "Renamed by hand");
    }

    @Test
    void theVersionRowDeletedIsMadeAgainByTheNextWrite() {
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        long program = searches.program(general().withEligibility("wheelchairAccessible", true), 2);
        Map<String, Object> wheelchair = Map.of("wheelchair", true);
        assertThat(searches.matched(wheelchair, List.of(program))).containsExactly(program);
        try {
            Sql.update("DELETE FROM directory_version");
            assertThat(searches.matched(wheelchair, List.of(program))).containsExactly(program);

            Sql.update("UPDATE programs SET wheelchair_accessible = FALSE WHERE id = ?", program);
            assertThat(Sql.number("SELECT COUNT(*) FROM directory_version")).isEqualTo(1);
            assertThat(searches.matched(wheelchair, List.of(program))).isEmpty();
        } finally {
            Sql.update("INSERT IGNORE INTO directory_version (id, version) VALUES (1, 0)");
        }
    }
}
