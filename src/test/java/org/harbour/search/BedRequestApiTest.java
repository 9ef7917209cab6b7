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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.search.Searches.eligible;
import static org.harbour.search.Searches.fieldsOf;
import static org.harbour.search.Searches.general;
import static org.harbour.search.Searches.ids;
import static org.harbour.search.Searches.match;
import static org.harbour.search.Searches.officeHours;

/** POST /api/bed-requests through HTTP: validation, every need as a filter, ranking, time zones, recording. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BedRequestApiTest implements HarbourTest {

    private static final String REGION = "BC-INTERIOR";
    /** A Friday: 15:30 in Vancouver, 18:30 in Toronto. */
    private static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-11-20T23:30:00Z");

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    Fixtures fixtures;
    Http caseworker;
    Searches searches;

    @Override
    public Map<String, String> getProperties() {
        return MutableClock.properties();
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Search outreach"));
        searches = new Searches(fixtures, caseworker, REGION);
    }

    @Test
    void badRequestsAreRefusedWithTheirField() {
        assertInvalid(Map.of("needs", Map.of("gender", "ALIEN")), "needs.gender");
        assertInvalid(Map.of("needs", Map.of("age", -1)), "needs.age");
        assertInvalid(Map.of("regionCode", REGION), "needs");
        assertInvalid(Map.of("needs", Map.of(), "types", List.of("SPACESHIP")), "types");
        assertInvalid(Map.of("needs", Map.of(), "regionCode", "XX-NOWHERE"), "regionCode");
        assertThat(caseworker.post("/api/bed-requests", "{\"needs\": {").status()).isEqualTo(400);
        assertThat(caseworker.post("/api/bed-requests", "{\"needs\": {\"age\": \"old\"}}").status()).isEqualTo(400);
        assertThat(caseworker.post("/api/bed-requests", Map.of("clientId", 987654321, "needs", Map.of())).status())
                .isEqualTo(404);
    }

    @Test
    void onlyCaseworkersAndAdminsSearchAndOnlyForTheirOwnClients() {
        long clientId = caseworker.post("/api/clients", Map.of("alias", "S-1", "needs", Map.of())).id();
        Map<String, Object> body = Map.of("clientId", clientId, "needs", Map.of());
        assertThat(caseworker.post("/api/bed-requests", body).status()).isEqualTo(201);
        assertThat(fixtures.caseworker(Fixtures.unique("Other org")).post("/api/bed-requests", body).status()).isEqualTo(404);
        assertThat(fixtures.funder().post("/api/bed-requests", Map.of("needs", Map.of())).status()).isEqualTo(403);
        var shelter = fixtures.facilityWithBeds(2, 1);
        assertThat(fixtures.staffOf(shelter.id()).post("/api/bed-requests", Map.of("needs", Map.of())).status()).isEqualTo(403);
    }

    @Test
    void genderPolicyAdmitsOnlyTheGendersAProgramNames() {
        long womenOnly = searches.program(eligible("genders", List.of("WOMAN")), 1);
        long transInclusive = searches.program(eligible("genders", List.of("WOMAN", "TRANS_WOMAN")), 1);
        long twoSpirit = searches.program(eligible("genders", List.of("WOMAN", "TRANS_WOMAN", "TWO_SPIRIT")), 1);
        List<Long> mine = List.of(womenOnly, transInclusive, twoSpirit);
        assertThat(searches.matched(Map.of("gender", "WOMAN"), mine)).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(searches.matched(Map.of("gender", "TRANS_WOMAN"), mine)).containsExactlyInAnyOrder(transInclusive, twoSpirit);
        assertThat(searches.matched(Map.of("gender", "two_spirit"), mine)).containsExactly(twoSpirit);
        assertThat(searches.matched(Map.of("gender", "MAN"), mine)).isEmpty();
    }

    @Test
    void ageLimitsAreInclusive() {
        long youth = searches.program(eligible("minAge", 13).withEligibility("maxAge", 18), 1);
        assertThat(searches.matched(Map.of("age", 13), List.of(youth))).containsExactly(youth);
        assertThat(searches.matched(Map.of("age", 18), List.of(youth))).containsExactly(youth);
        assertThat(searches.matched(Map.of("age", 12), List.of(youth))).isEmpty();
        assertThat(searches.matched(Map.of("age", 19), List.of(youth))).isEmpty();
    }

    @Test
    void everyStatedNeedFiltersAndTraffickingSpecializedOnlyRanks() {
        long permissive = searches.program(eligible("acceptsChildren", true).withEligibility("acceptsPets", true)
                .withEligibility("substanceUse", "ALLOWED").withEligibility("acceptsCurrentSexTrade", true)
                .withEligibility("wheelchairAccessible", true).withEligibility("languages", List.of("en", "cr"))
                .withEligibility("mandatoryActivities", false).withEligibility("traffickingSpecialized", false), 1);
        long harmReduction = searches.program(eligible("substanceUse", "HARM_REDUCTION").withEligibility("traffickingSpecialized", false), 1);
        long strict = searches.program(eligible("acceptsChildren", false).withEligibility("acceptsPets", false)
                .withEligibility("substanceUse", "SOBRIETY_REQUIRED").withEligibility("acceptsCurrentSexTrade", false)
                .withEligibility("wheelchairAccessible", false).withEligibility("languages", List.of("en"))
                .withEligibility("mandatoryActivities", true).withEligibility("traffickingSpecialized", true), 1);
        List<Long> mine = List.of(permissive, harmReduction, strict);
        assertThat(searches.matched(Map.of("children", 2), List.of(permissive, strict))).containsExactly(permissive);
        assertThat(searches.matched(Map.of("children", 0), List.of(permissive, strict))).containsExactlyInAnyOrder(permissive, strict);
        assertThat(searches.matched(Map.of("pets", true), List.of(permissive, strict))).containsExactly(permissive);
        assertThat(searches.matched(Map.of("substanceUse", true), mine)).containsExactlyInAnyOrder(permissive, harmReduction);
        assertThat(searches.matched(Map.of("substanceUse", false), mine)).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(searches.matched(Map.of("currentSexTrade", true), List.of(permissive, strict))).containsExactly(permissive);
        assertThat(searches.matched(Map.of("wheelchair", true), List.of(permissive, strict))).containsExactly(permissive);
        assertThat(searches.matched(Map.of("language", "CR", "languageRequired", true), List.of(permissive, strict)))
                .containsExactly(permissive);
        assertThat(searches.matched(Map.of("avoidMandatoryActivities", true), List.of(permissive, strict))).containsExactly(permissive);
        assertThat(searches.matched(Map.of("traffickingSpecialized", true), List.of(permissive, strict))).containsExactly(strict, permissive);
    }

    @Test
    void rankingIsSpecializedWhenAskedThenOpenNowThenFreshThenMostBookable() {
        clock.set(FRIDAY_AFTERNOON.minus(Duration.ofHours(5)));
        long stale = searches.program(general(), 9);
        clock.set(FRIDAY_AFTERNOON);
        long closed = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", officeHours("FRIDAY")), general(), 9);
        long fewFresh = searches.program(general(), 2);
        long manyFresh = searches.program(general(), 5);
        long specialized = searches.program(eligible("traffickingSpecialized", true), 1);
        List<Long> mine = List.of(stale, closed, fewFresh, manyFresh, specialized);

        assertThat(searches.matched(Map.of("traffickingSpecialized", true), mine))
                .containsExactly(specialized, manyFresh, fewFresh, stale, closed);
        Http.Reply plain = searches.search(Map.of("regionCode", REGION, "needs", Map.of()));
        assertThat(ids(plain, mine)).containsExactly(manyFresh, fewFresh, specialized, stale, closed);
        assertThat(match(plain, stale)).containsEntry("stale", true).containsEntry("intakeOpenNow", true);
        assertThat(match(plain, manyFresh)).containsEntry("stale", false).containsEntry("bookable", 5);
        assertThat(match(plain, closed)).containsEntry("intakeOpenNow", false);
    }

    @Test
    void admitNowUsesEachFacilitysOwnTimeZone() {
        clock.set(FRIDAY_AFTERNOON);
        long vancouver = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Vancouver")
                .with("intakeHours", officeHours("FRIDAY")), general(), 1);
        long toronto = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", officeHours("FRIDAY")), general(), 1);
        List<Long> mine = List.of(vancouver, toronto);
        assertThat(searches.matchedNow(mine)).containsExactly(vancouver);
        Http.Reply anyTime = searches.search(Map.of("regionCode", REGION, "needs", Map.of(), "admitNow", false));
        assertThat(match(anyTime, vancouver)).containsEntry("intakeOpenNow", true);
        assertThat(match(anyTime, toronto)).containsEntry("intakeOpenNow", false);
    }

    @Test
    void admitNowFollowsDaylightSavingTimeChanges() {
        long sundays = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "America/Toronto")
                .with("intakeHours", officeHours("SUNDAY")), general(), 1);
        // 2026-03-08: clocks spring forward at 02:00, so 13:30Z is 09:30 EDT (08:30 had it stayed EST)
        assertThat(openNowAt("2026-03-08T13:30:00Z", sundays)).isTrue();
        assertThat(openNowAt("2026-03-08T12:30:00Z", sundays)).isFalse();
        // 2026-11-01: clocks fall back at 02:00, so 21:30Z is 16:30 EST (17:30 had it stayed EDT)
        assertThat(openNowAt("2026-11-01T21:30:00Z", sundays)).isTrue();
        assertThat(openNowAt("2026-11-01T22:30:00Z", sundays)).isFalse();
    }

    @Test
    void aFacilityInATimeZoneNoOtherHadIsJudgedByItsOwnClockAtOnce() {
        // the database works out "open now" from each zone's local time, which the service remembers per zone:
        // a zone first met after that must not read as closed
        clock.set(FRIDAY_AFTERNOON);
        searches.matchedNow(List.of());
        long auckland = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "Pacific/Auckland")
                .with("intakeHours", officeHours("SATURDAY")), general(), 1); // Saturday 12:30 there: open
        long tokyo = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "Asia/Tokyo")
                .with("intakeHours", officeHours("SATURDAY")), general(), 1); // Saturday 08:30: not yet
        long kolkata = searches.program(FacilityBuilder.defaultFacility().with("timeZone", "Asia/Kolkata")
                .with("intakeHours", Map.of("alwaysOpen", false, "weekly",
                        List.of(Map.of("day", "FRIDAY", "open", "22:00", "close", "06:00")))), general(), 1);
        // Saturday 05:00 in Kolkata: the Friday night desk is still open
        assertThat(searches.matchedNow(List.of(auckland, tokyo, kolkata))).containsExactlyInAnyOrder(auckland, kolkata);
    }

    @Test
    void everyRequestIsRecordedAndOneWithoutAMatchIsUnmet() {
        long shelter = searches.program(general(), 3);
        Http.Reply found = searches.search(Map.of("regionCode", REGION, "needs", Map.of(), "types", List.of("DV_SHELTER")));
        assertThat(found.status()).isEqualTo(201);
        assertThat(found.map()).containsEntry("unmet", false);
        WrittenBehind.awaitAll();
        assertThat(Sql.row("SELECT unmet, match_count FROM bed_requests WHERE id = ?", found.id()))
                .containsEntry("unmet", false).containsEntry("match_count", ((List<?>) found.map().get("matches")).size());
        assertThat(Sql.rows("SELECT program_id FROM bed_request_matches WHERE bed_request_id = ?", found.id()))
                .extracting(r -> ((Number) r.get("program_id")).longValue()).contains(shelter);

        Http.Reply none = searches.search(Map.of("regionCode", REGION, "needs", Map.of("language", "xq", "languageRequired", true),
                "admitNow", true));
        assertThat(none.status()).isEqualTo(201);
        assertThat(none.map()).containsEntry("unmet", true).containsEntry("matches", List.of());
        WrittenBehind.awaitAll();
        assertThat(Sql.row("SELECT unmet, match_count, admit_now, region_code FROM bed_requests WHERE id = ?", none.id()))
                .containsEntry("unmet", true).containsEntry("match_count", 0).containsEntry("admit_now", true)
                .containsEntry("region_code", REGION);
    }

    @Test
    void outcomesAreRecordedForTheRequestsOwnOrganizationOnly() {
        long shelter = searches.program(general(), 1);
        long requestId = searches.search(Map.of("regionCode", REGION, "needs", Map.of())).id();
        String path = "/api/bed-requests/" + requestId + "/outcome";
        Http.Reply refused = caseworker.post(path, Map.of("outcome", "REFUSED_AT_DOOR", "programId", shelter));
        assertThat(refused.status()).as(refused.body()).isEqualTo(201);
        assertThat(Sql.row("SELECT outcome, program_id FROM bed_request_outcomes WHERE bed_request_id = ?", requestId))
                .containsEntry("outcome", "REFUSED_AT_DOOR").containsEntry("program_id", shelter);

        assertThat(fieldsOf(caseworker.post(path, Map.of("outcome", "SHRUGGED", "programId", shelter)))).containsExactly("outcome");
        assertThat(fieldsOf(caseworker.post(path, Map.of("outcome", "PLACED")))).containsExactly("programId");
        assertThat(fixtures.caseworker(Fixtures.unique("Other org")).post(path,
                Map.of("outcome", "PLACED", "programId", shelter)).status()).isEqualTo(404);
        assertThat(caseworker.post("/api/bed-requests/987654321/outcome",
                Map.of("outcome", "PLACED", "programId", shelter)).status()).isEqualTo(404);
        assertThat(Sql.rows("SELECT id FROM bed_request_outcomes WHERE bed_request_id = ?", requestId)).hasSize(1);
    }

    private boolean openNowAt(String instant, long programId) {
        clock.set(Instant.parse(instant));
        return searches.matchedNow(List.of(programId)).contains(programId);
    }

    @Test
    void aRegionAddedByHandIsAcceptedAtOnce() {
        // known region codes are cached (KnownRegions); an unknown one must still be asked of the database
        String code = "XX-BY-HAND-" + (System.nanoTime() % 1_000_000);
        assertInvalid(Map.of("needs", Map.of(), "regionCode", code), "regionCode");
        Sql.update("INSERT INTO regions (code, name, province, time_zone, rural)"
                + " VALUES (?, 'Added by hand', 'ON', 'America/Toronto', FALSE)", code);
        try {
            Http.Reply reply = caseworker.post("/api/bed-requests", Map.of("needs", Map.of(), "regionCode", code));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            WrittenBehind.awaitAll();
            assertThat(Sql.row("SELECT unmet, region_code FROM bed_requests WHERE id = ?", reply.id()))
                    .containsEntry("unmet", true).containsEntry("region_code", code);
        } finally {
            Sql.update("DELETE FROM bed_requests WHERE region_code = ?", code);
            Sql.update("DELETE FROM regions WHERE code = ?", code);
        }
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Http.Reply reply = caseworker.post("/api/bed-requests", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(fieldsOf(reply)).contains(field);
    }
}
