package org.harbour.client;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client keeps every need typed about her: created whole, edited whole, and nobody else can change her. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientEditTest implements HarbourTest {

    /** The Friday 4 pm case: 28, one child, uses substances, French-speaking, fleeing a trafficker. */
    static final Map<String, Object> HER_NEEDS = needs();

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http caseworker;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Edit outreach"));
    }

    private static Map<String, Object> needs() {
        Map<String, Object> needs = new LinkedHashMap<>();
        needs.put("gender", "WOMAN");
        needs.put("age", 28);
        needs.put("children", 1);
        needs.put("pets", false);
        needs.put("substanceUse", true);
        needs.put("currentSexTrade", false);
        needs.put("wheelchair", false);
        needs.put("language", "fr");
        needs.put("traffickingSpecialized", true);
        needs.put("culturallySpecific", "INDIGENOUS");
        return needs;
    }

    @Test
    void everyNeedGivenAtCreationOrInAnEditIsStoredAndReadBack() {
        long id = caseworker.post("/api/clients", Map.of("alias", "MF-0412", "birthYear", 1998, "gender", "WOMAN",
                "needs", HER_NEEDS)).id();
        assertThat(needsOf(caseworker.get("/api/clients/" + id).map())).containsAllEntriesOf(HER_NEEDS);

        Map<String, Object> moved = new LinkedHashMap<>(HER_NEEDS);
        moved.put("children", 2);
        moved.put("pets", true);
        Http.Reply edited = caseworker.put("/api/clients/" + id, Map.of("alias", "MF-0413", "birthYear", 1997,
                "needs", moved));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Map<String, Object> read = caseworker.get("/api/clients/" + id).map();
        assertThat(read).containsEntry("alias", "MF-0413").containsEntry("birthYear", 1997)
                .as("a field left out keeps its value").containsEntry("gender", "WOMAN");
        assertThat(needsOf(read)).containsAllEntriesOf(moved);
    }

    @Test
    void onlyHerOrganizationMayEditHerAndBadEditsChangeNothing() {
        long id = caseworker.post("/api/clients", Map.of("alias", "KT-2201", "needs", HER_NEEDS)).id();

        Http stranger = fixtures.caseworker(Fixtures.unique("Stranger outreach"));
        assertThat(stranger.put("/api/clients/" + id, Map.of("alias", "taken over")).status()).isEqualTo(404);
        assertThat(fixtures.funder().put("/api/clients/" + id, Map.of("alias", "x")).status()).isEqualTo(403);
        Problems.assertInvalidField(caseworker.put("/api/clients/" + id, Map.of("birthYear", 1800)), "birthYear");
        Problems.assertInvalidField(caseworker.put("/api/clients/" + id, Map.of("gender", "DRAGON")), "gender");
        Problems.assertInvalidField(caseworker.put("/api/clients/" + id,
                Map.of("needs", Map.of("children", -1))), "needs.children");
        Problems.assertInvalidField(caseworker.put("/api/clients/" + id, Map.of("alias", " ")), "alias");
        assertThat(caseworker.put("/api/clients/987654321", Map.of("alias", "nobody")).status()).isEqualTo(404);

        Map<String, Object> read = caseworker.get("/api/clients/" + id).map();
        assertThat(read).containsEntry("alias", "KT-2201");
        assertThat(needsOf(read)).containsAllEntriesOf(HER_NEEDS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> needsOf(Map<String, Object> client) {
        return (Map<String, Object>) client.get("needs");
    }
}
