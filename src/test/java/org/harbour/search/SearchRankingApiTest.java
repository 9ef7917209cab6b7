package org.harbour.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.WrittenBehind;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.search.Searches.eligible;
import static org.harbour.search.Searches.fieldsOf;
import static org.harbour.search.Searches.general;
import static org.harbour.search.Searches.ids;
import static org.harbour.search.Searches.match;
import static org.harbour.search.Searches.reasonsOf;

/**
 * Preferences that rank (trafficking-specialized, language unless required, culture), the next intake
 * instants, and searches for a client by her stored needs, through HTTP.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRankingApiTest implements HarbourTest {

    /** A Friday: 15:30 in Vancouver, 18:30 in Toronto. */
    private static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-11-20T23:30:00Z");

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    Fixtures fixtures;
    Http caseworker;

    @Override
    public Map<String, String> getProperties() {
        return MutableClock.properties();
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Ranking outreach"));
    }

    @Test
    void aLanguageRanksFirstAndFiltersOnlyWhenRequired() {
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        long cree = searches.program(general().withEligibility("languages", List.of("en", "cr")), 1);
        long english = searches.program(general().withEligibility("languages", List.of("en")), 5);
        List<Long> mine = List.of(cree, english);

        Http.Reply preferred = searches.search(Map.of("regionCode", searches.region(), "needs", Map.of("language", "CR")));
        assertThat(ids(preferred, mine)).containsExactly(cree, english);
        assertThat(match(preferred, cree)).containsEntry("matchedPreferences", List.of("LANGUAGE"));
        assertThat(match(preferred, english)).containsEntry("matchedPreferences", List.of());
        assertThat(preferred.map()).containsEntry("nearMisses", List.of());

        Http.Reply required = searches.search(Map.of("regionCode", searches.region(),
                "needs", Map.of("language", "cr", "languageRequired", true)));
        assertThat(ids(required, mine)).containsExactly(cree);
        assertThat(reasonsOf(required, english)).containsExactly("LANGUAGE");

        Http.Reply notRequired = searches.search(Map.of("regionCode", searches.region(),
                "needs", Map.of("language", "cr", "languageRequired", false)));
        assertThat(ids(notRequired, mine)).containsExactly(cree, english);

        assertThat(fieldsOf(caseworker.post("/api/bed-requests", Map.of("needs", Map.of("languageRequired", true)))))
                .containsExactly("needs.languageRequired");
    }

    @Test
    void preferencesRankTraffickingThenLanguageThenCultureBeforeEverythingElse() {
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        long plenty = searches.program(general(), 9);
        long indigenous = searches.program(general().withEligibility("culturallySpecific", "INDIGENOUS"), 1);
        long cree = searches.program(general().withEligibility("languages", List.of("en", "cr")), 1);
        long specialized = searches.program(eligible("traffickingSpecialized", true), 1);
        List<Long> mine = List.of(plenty, indigenous, cree, specialized);

        Http.Reply culture = searches.search(Map.of("regionCode", searches.region(),
                "needs", Map.of("culturallySpecific", "INDIGENOUS")));
        assertThat(ids(culture, mine).get(0)).isEqualTo(indigenous);
        assertThat(match(culture, indigenous)).containsEntry("matchedPreferences", List.of("CULTURALLY_SPECIFIC"))
                .containsEntry("culturallySpecific", "INDIGENOUS");
        assertThat(ids(searches.search(Map.of("regionCode", searches.region(), "needs", Map.of())), mine).get(0))
                .isEqualTo(plenty);

        Http.Reply all = searches.search(Map.of("regionCode", searches.region(), "needs",
                Map.of("traffickingSpecialized", true, "language", "cr", "culturallySpecific", "INDIGENOUS")));
        assertThat(ids(all, mine)).containsExactly(specialized, cree, indigenous, plenty);
        assertThat(match(all, specialized)).containsEntry("matchedPreferences", List.of("TRAFFICKING_SPECIALIZED"));
        assertThat(match(all, cree)).containsEntry("matchedPreferences", List.of("LANGUAGE"));
        assertThat(match(all, plenty)).containsEntry("matchedPreferences", List.of());
    }

    @Test
    void intakeOpensAndClosesAtTheNextEdgesInTheFacilitysOwnTimeZone() {
        clock.set(FRIDAY_AFTERNOON);
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        Map<String, Object> fridaysAndMondays = hours(window("FRIDAY", "09:00", "17:00"), window("MONDAY", "09:00", "17:00"));
        long vancouver = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Vancouver")
                .with("intakeHours", fridaysAndMondays), general(), 1);
        long toronto = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", fridaysAndMondays), general(), 1);
        long overnight = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", hours(window("FRIDAY", "20:00", "08:00"))), general(), 1);
        long joined = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Vancouver")
                .with("intakeHours", hours(window("FRIDAY", "09:00", "16:00"), window("FRIDAY", "16:00", "20:00"))),
                general(), 1);
        long always = searches.program(general(), 1);

        Http.Reply reply = searches.search(Map.of("regionCode", searches.region(), "needs", Map.of()));
        // open now in Vancouver (15:30): closes at 17:00 today, opens again Monday 09:00
        assertIntake(reply, vancouver, true, "2026-11-23T17:00:00Z", "2026-11-21T01:00:00Z");
        // closed in Toronto (18:30): opens Monday 09:00 EST and closes at 17:00 EST
        assertIntake(reply, toronto, false, "2026-11-23T14:00:00Z", "2026-11-23T22:00:00Z");
        // an overnight desk: opens at 20:00 tonight, closes at 08:00 Saturday
        assertIntake(reply, overnight, false, "2026-11-21T01:00:00Z", "2026-11-21T13:00:00Z");
        // two windows that touch close once, at the end of the second; the next opening is a week away
        assertIntake(reply, joined, true, "2026-11-27T17:00:00Z", "2026-11-21T04:00:00Z");
        assertThat(match(reply, always)).containsEntry("intakeOpenNow", true)
                .containsEntry("intakeOpensAt", null).containsEntry("intakeClosesAt", null);
    }

    @Test
    void aClientsStoredNeedsAreUsedWhenTheRequestStatesNone() {
        clock.set(FRIDAY_AFTERNOON);
        Searches searches = Searches.inNewRegion(fixtures, caseworker);
        long youth = searches.program(general().withEligibility("genders", List.of("MAN", "WOMAN"))
                .withEligibility("minAge", 13).withEligibility("maxAge", 18).withEligibility("acceptsPets", true), 2);
        long adult = searches.program(general().withEligibility("genders", List.of("MAN", "WOMAN"))
                .withEligibility("minAge", 18).withEligibility("acceptsPets", true), 2);
        long womenOnly = searches.program(general().withEligibility("genders", List.of("WOMAN"))
                .withEligibility("minAge", null).withEligibility("acceptsPets", true), 2);
        long noPets = searches.program(general().withEligibility("genders", List.of("MAN", "WOMAN"))
                .withEligibility("minAge", null).withEligibility("acceptsPets", false), 2);
        List<Long> mine = List.of(youth, adult, womenOnly, noPets);
        // 15 in 2026, a man, with a dog
        long client = caseworker.post("/api/clients", Map.of("alias", "RN-1", "birthYear", 2011, "gender", "MAN",
                "needs", Map.of("pets", true))).id();

        Http.Reply stored = searches.search(Map.of("clientId", client, "regionCode", searches.region()));
        assertThat(ids(stored, mine)).containsExactly(youth);
        assertThat(reasonsOf(stored, adult)).containsExactly("AGE");
        assertThat(reasonsOf(stored, womenOnly)).containsExactly("GENDER");
        assertThat(reasonsOf(stored, noPets)).containsExactly("PETS");
        WrittenBehind.awaitAll();
        assertThat((String) Sql.row("SELECT needs FROM bed_requests WHERE id = ?", stored.id()).get("needs"))
                .contains("\"age\":15").contains("\"gender\":\"MAN\"").contains("\"pets\":true");

        // the request's own needs win over the stored ones, and are not stored without saveNeeds
        Http.Reply stated = searches.search(Map.of("clientId", client, "regionCode", searches.region(), "needs", Map.of()));
        assertThat(ids(stated, mine)).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(needsOf(client)).containsEntry("pets", true);

        assertThat(fixtures.caseworker(Fixtures.unique("Other org")).post("/api/bed-requests",
                Map.of("clientId", client)).status()).isEqualTo(404);
    }

    @Test
    void saveNeedsStoresTheRequestsNeedsOnItsClient() {
        long client = caseworker.post("/api/clients", Map.of("alias", "RN-2", "needs", Map.of())).id();
        Map<String, Object> needs = Map.of("pets", true, "language", "CR", "languageRequired", true);

        Http.Reply other = fixtures.caseworker(Fixtures.unique("Other org")).post("/api/bed-requests",
                Map.of("clientId", client, "needs", needs, "saveNeeds", true));
        assertThat(other.status()).isEqualTo(404);
        assertThat(needsOf(client)).containsEntry("pets", null);

        Http.Reply saved = caseworker.post("/api/bed-requests", Map.of("clientId", client, "needs", needs, "saveNeeds", true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(needsOf(client)).containsEntry("pets", true).containsEntry("language", "cr")
                .containsEntry("languageRequired", true);

        assertThat(fieldsOf(caseworker.post("/api/bed-requests", Map.of("needs", needs, "saveNeeds", true))))
                .containsExactly("saveNeeds");
        assertThat(fieldsOf(caseworker.post("/api/bed-requests", Map.of("clientId", client, "saveNeeds", true))))
                .containsExactly("saveNeeds");
        assertThat(fieldsOf(caseworker.post("/api/bed-requests", Map.of("clientId", client, "saveNeeds", true,
                "needs", Map.of("gender", "ALIEN"))))).containsExactly("needs.gender");
        assertThat(needsOf(client)).containsEntry("pets", true);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> needsOf(long client) {
        Http.Reply reply = caseworker.get("/api/clients/" + client);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return (Map<String, Object>) reply.map().get("needs");
    }

    private static void assertIntake(Http.Reply reply, long program, boolean openNow, String opensAt, String closesAt) {
        Map<String, Object> m = match(reply, program);
        assertThat(m).as("program %d", program).containsEntry("intakeOpenNow", openNow);
        assertThat(Instant.parse((String) m.get("intakeOpensAt"))).as("opens").isEqualTo(Instant.parse(opensAt));
        assertThat(Instant.parse((String) m.get("intakeClosesAt"))).as("closes").isEqualTo(Instant.parse(closesAt));
    }

    private static Map<String, Object> window(String day, String open, String close) {
        return Map.of("day", day, "open", open, "close", close);
    }

    @SafeVarargs
    private static Map<String, Object> hours(Map<String, Object>... windows) {
        return Map.of("alwaysOpen", false, "weekly", List.of(windows));
    }
}
