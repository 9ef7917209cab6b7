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
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.search.Searches.general;
import static org.harbour.search.Searches.nearMissIds;
import static org.harbour.search.Searches.nearMisses;
import static org.harbour.search.Searches.officeHours;
import static org.harbour.search.Searches.reasonsOf;

/**
 * Near misses through HTTP: every reason code, fewest first, never three or more, at most ten, and the
 * privacy rule on their addresses. Each test searches a region of its own, so other tests' programs never
 * crowd its ten.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearMissApiTest implements HarbourTest {

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
        caseworker = fixtures.caseworker(Fixtures.unique("Near-miss outreach"));
    }

    /** Everything a person may ask for, all of it stated, language required. */
    private static final Map<String, Object> EVERY_NEED = Map.ofEntries(
            Map.entry("gender", "WOMAN"), Map.entry("age", 30), Map.entry("children", 1), Map.entry("pets", true),
            Map.entry("substanceUse", true), Map.entry("currentSexTrade", true), Map.entry("wheelchair", true),
            Map.entry("language", "cr"), Map.entry("languageRequired", true),
            Map.entry("avoidMandatoryActivities", true));

    /** A program that takes the person of {@link #EVERY_NEED}. */
    private static ProgramBuilder permissive() {
        return general().withEligibility("genders", List.of("WOMAN", "MAN")).withEligibility("minAge", null)
                .withEligibility("acceptsChildren", true).withEligibility("acceptsPets", true)
                .withEligibility("substanceUse", "ALLOWED").withEligibility("acceptsCurrentSexTrade", true)
                .withEligibility("wheelchairAccessible", true).withEligibility("languages", List.of("en", "cr"))
                .withEligibility("mandatoryActivities", false);
    }

    @Test
    void everyConditionAProgramFailsIsNamedByItsCode() {
        clock.set(FRIDAY_AFTERNOON);
        Searches searches = searchesInANewRegion();
        long match = searches.program(permissive(), 3);
        Map<String, Long> byReason = new java.util.LinkedHashMap<>();
        byReason.put("GENDER", searches.program(permissive().withEligibility("genders", List.of("MAN")), 3));
        byReason.put("AGE", searches.program(permissive().withEligibility("minAge", 40), 3));
        byReason.put("CHILDREN", searches.program(permissive().withEligibility("acceptsChildren", false), 3));
        byReason.put("PETS", searches.program(permissive().withEligibility("acceptsPets", false), 3));
        byReason.put("SUBSTANCE_USE", searches.program(permissive().withEligibility("substanceUse", "SOBRIETY_REQUIRED"), 3));
        byReason.put("SEX_TRADE", searches.program(permissive().withEligibility("acceptsCurrentSexTrade", false), 3));
        byReason.put("WHEELCHAIR", searches.program(permissive().withEligibility("wheelchairAccessible", false), 3));
        byReason.put("LANGUAGE", searches.program(permissive().withEligibility("languages", List.of("en")), 3));
        byReason.put("MANDATORY_ACTIVITIES", searches.program(permissive().withEligibility("mandatoryActivities", true), 3));
        byReason.put("NO_BED", searches.program(permissive(), 0));

        Http.Reply reply = searches.search(Map.of("regionCode", searches.region(), "needs", EVERY_NEED));
        assertThat(Searches.ids(reply, List.of(match))).containsExactly(match);
        assertThat(nearMisses(reply)).hasSize(10);
        byReason.forEach((reason, program) -> assertThat(reasonsOf(reply, program)).as(reason).containsExactly(reason));
        // a near miss carries every field of a match
        Map<String, Object> noBed = nearMisses(reply).stream()
                .filter(m -> ((Number) m.get("programId")).longValue() == byReason.get("NO_BED")).findFirst().orElseThrow();
        assertThat(noBed).containsKeys("programId", "facilityId", "facilityName", "programName", "type", "regionCode",
                "municipality", "bookable", "intakeOpenNow", "intakePhone", "updatedAt", "stale", "maxStayDays",
                "address", "intakeOpensAt", "intakeClosesAt", "matchedPreferences").containsEntry("bookable", 0);
        // and they are not matches: the request is recorded with its one match
        WrittenBehind.awaitAll();
        assertThat(Sql.row("SELECT match_count FROM bed_requests WHERE id = ?", reply.id())).containsEntry("match_count", 1);

        // intake closed counts only when the bed is wanted now, in the facility's own time zone
        long closed = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", officeHours("FRIDAY")), permissive().with("type", "HOTEL_MOTEL"), 3);
        Map<String, Object> now = Map.of("regionCode", searches.region(), "needs", EVERY_NEED,
                "types", List.of("HOTEL_MOTEL"), "admitNow", true);
        Http.Reply admitNow = searches.search(now);
        assertThat(Searches.ids(admitNow, List.of(closed))).isEmpty();
        assertThat(reasonsOf(admitNow, closed)).containsExactly("INTAKE_CLOSED");
        assertThat(admitNow.map()).containsEntry("unmet", true).containsEntry("totalMatches", 0);
        Http.Reply anyTime = searches.search(Map.of("regionCode", searches.region(), "needs", EVERY_NEED,
                "types", List.of("HOTEL_MOTEL")));
        assertThat(Searches.ids(anyTime, List.of(closed))).containsExactly(closed);
        assertThat(nearMisses(anyTime)).isEmpty();
    }

    @Test
    void nearMissesComeFewestFirstAndNeverWithThreeConditionsFailed() {
        clock.set(FRIDAY_AFTERNOON);
        Searches searches = searchesInANewRegion();
        Map<String, Object> needs = Map.of("gender", "WOMAN", "pets", true);
        long match = searches.program(general().withEligibility("acceptsPets", true), 2);
        long twoReasons = searches.program(general(), 0);
        long oneReason = searches.program(general(), 4);
        long threeReasons = searches.program(general().withEligibility("genders", List.of("MAN")), 0);
        long closedOne = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", officeHours("FRIDAY")), general(), 1);
        long closedNoBed = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", officeHours("FRIDAY")), general(), 0);
        List<Long> mine = List.of(match, twoReasons, oneReason, threeReasons, closedOne, closedNoBed);

        Http.Reply anyTime = searches.search(Map.of("regionCode", searches.region(), "needs", needs));
        assertThat(Searches.ids(anyTime, mine)).containsExactly(match);
        assertThat(nearMissIds(anyTime, mine)).containsExactly(oneReason, closedOne, twoReasons, closedNoBed);
        assertThat(reasonsOf(anyTime, oneReason)).containsExactly("PETS");
        assertThat(reasonsOf(anyTime, twoReasons)).containsExactly("PETS", "NO_BED");

        Http.Reply now = searches.search(Map.of("regionCode", searches.region(), "needs", needs, "admitNow", true));
        // two reasons each: the one with a bed to book comes first
        assertThat(nearMissIds(now, mine)).containsExactly(oneReason, closedOne, twoReasons);
        assertThat(reasonsOf(now, closedOne)).containsExactly("PETS", "INTAKE_CLOSED");

        // at most ten, and the one-reason ones before any with two
        long crowded = fixtures.facility(manyPrograms(searches.region(), 11)).id();
        Http.Reply full = searches.search(Map.of("regionCode", searches.region(), "needs", Map.of("gender", "WOMAN")));
        assertThat(nearMisses(full)).hasSize(10).allSatisfy(m -> assertThat(m.get("reasons")).isEqualTo(List.of("NO_BED")));
        assertThat(nearMisses(full)).extracting(m -> ((Number) m.get("facilityId")).longValue()).contains(crowded);
    }

    @Test
    void noAddressOfAConfidentialFacilityIsShownInMatchesOrNearMisses() {
        Searches searches = searchesInANewRegion();
        String secret = "77 Hidden Lane " + Fixtures.unique("unit");
        String open = "12 Open St " + Fixtures.unique("unit");
        long confidential = searches.program(FacilityBuilder.defaultFacility().confidential(true).with("address", secret)
                .with("timeZone", "America/Vancouver"), general(), 2);
        long confidentialFull = searches.program(FacilityBuilder.defaultFacility().confidential(true)
                .with("address", secret).with("timeZone", "America/Vancouver"), general(), 0);
        long listed = searches.program(FacilityBuilder.defaultFacility().with("address", open)
                .with("timeZone", "America/Vancouver"), general(), 2);
        long listedFull = searches.program(FacilityBuilder.defaultFacility().with("address", open)
                .with("timeZone", "America/Vancouver"), general(), 0);

        for (Http asker : List.of(caseworker, fixtures.admin())) {
            Http.Reply reply = asker.post("/api/bed-requests", Map.of("regionCode", searches.region(), "needs", Map.of()));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.body()).doesNotContain(secret);
            assertThat(Searches.match(reply, confidential)).containsEntry("address", null);
            assertThat(Searches.match(reply, listed)).containsEntry("address", open);
            assertThat(nearMiss(reply, confidentialFull)).containsEntry("address", null);
            assertThat(nearMiss(reply, listedFull)).containsEntry("address", open);
        }
    }

    @Test
    void limitCapsTheMatchesBestFirstAndTotalMatchesCountsThemAll() {
        Searches searches = searchesInANewRegion();
        List<Long> mine = new ArrayList<>();
        for (int beds = 1; beds <= 5; beds++) {
            mine.add(searches.program(general(), beds));
        }
        Http.Reply two = searches.search(Map.of("regionCode", searches.region(), "needs", Map.of(), "limit", 2));
        assertThat(Searches.ids(two, mine)).containsExactly(mine.get(4), mine.get(3));
        assertThat(two.map()).containsEntry("totalMatches", 5).containsEntry("unmet", false);
        WrittenBehind.awaitAll();
        assertThat(Sql.row("SELECT match_count, unmet FROM bed_requests WHERE id = ?", two.id()))
                .containsEntry("match_count", 5).containsEntry("unmet", false);
        assertThat(Sql.number("SELECT COUNT(*) FROM bed_request_matches WHERE bed_request_id = ?", two.id())).isEqualTo(5);

        Http.Reply byDefault = searches.search(Map.of("regionCode", searches.region(), "needs", Map.of()));
        assertThat(Searches.ids(byDefault, mine)).hasSize(5);
        assertThat(byDefault.map()).containsEntry("totalMatches", 5);

        for (Object limit : List.of(0, -1, 201)) {
            Http.Reply bad = caseworker.post("/api/bed-requests", Map.of("needs", Map.of(), "limit", limit));
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(Searches.fieldsOf(bad)).containsExactly("limit");
        }
        assertThat(caseworker.post("/api/bed-requests", Map.of("needs", Map.of(), "limit", 200)).status()).isEqualTo(201);
        assertThat(caseworker.post("/api/bed-requests", "{\"needs\": {}, \"limit\": \"ten\"}").status()).isEqualTo(400);
    }

    private FacilityBuilder manyPrograms(String region, int count) {
        FacilityBuilder facility = FacilityBuilder.defaultFacility().with("regionCode", region)
                .with("timeZone", "America/Vancouver");
        for (int i = 0; i < count; i++) {
            facility.withProgram(general().withCapacity(10));
        }
        return facility;
    }

    private static Map<String, Object> nearMiss(Http.Reply reply, long programId) {
        return nearMisses(reply).stream().filter(m -> ((Number) m.get("programId")).longValue() == programId)
                .findFirst().orElseThrow(() -> new AssertionError("no near miss " + programId + " in " + reply.body()));
    }

    private Searches searchesInANewRegion() {
        return Searches.inNewRegion(fixtures, caseworker);
    }
}
