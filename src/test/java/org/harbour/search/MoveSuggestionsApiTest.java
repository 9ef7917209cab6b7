package org.harbour.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The move screen's suggestions are a bed request with her client id and her region: her stored needs decide
 * them, so a woman with a child is never offered a men's cot or a program that takes no children.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoveSuggestionsApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http caseworker;
    Searches searches;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Move outreach"));
        searches = Searches.inNewRegion(fixtures, caseworker);
    }

    @Test
    void aMotherIsNeverSuggestedAMensOrANoChildrenProgram() {
        long mens = searches.program(Searches.eligible("genders", List.of("MAN")), 3);
        long noChildren = searches.program(Searches.eligible("acceptsChildren", false), 3);
        long sober = searches.program(Searches.eligible("substanceUse", "SOBRIETY_REQUIRED"), 3);
        long fits = searches.program(ProgramBuilder.defaultProgram(), 3);
        long elsewhere = Searches.inNewRegion(fixtures, caseworker).program(ProgramBuilder.defaultProgram(), 3);
        long client = caseworker.post("/api/clients", Map.of("alias", Fixtures.unique("MOVE").replace(' ', '-'),
                "birthYear", 1998, "gender", "WOMAN",
                "needs", Map.of("children", 1, "substanceUse", true, "language", "fr"))).id();

        Http.Reply suggestions = searches.search(Map.of("clientId", client, "regionCode", searches.region()));

        List<Long> all = List.of(mens, noChildren, sober, fits, elsewhere);
        assertThat(Searches.ids(suggestions, all)).containsExactly(fits);
        assertThat(Searches.nearMissIds(suggestions, all)).doesNotContain(elsewhere);
        assertThat(Searches.reasonsOf(suggestions, noChildren)).containsExactly("CHILDREN");
        assertThat(Searches.reasonsOf(suggestions, sober)).containsExactly("SUBSTANCE_USE");
        assertThat(Searches.reasonsOf(suggestions, mens)).containsExactly("GENDER");
    }
}
