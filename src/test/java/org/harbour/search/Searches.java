package org.harbour.search;

import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Programs in one region and searches among them, as one caseworker; results narrowed to the test's own programs. */
final class Searches {

    private final Fixtures fixtures;
    private final Http caseworker;
    private final String region;

    Searches(Fixtures fixtures, Http caseworker, String region) {
        this.fixtures = fixtures;
        this.caseworker = caseworker;
        this.region = region;
    }

    private static final java.util.concurrent.atomic.AtomicInteger REGIONS = new java.util.concurrent.atomic.AtomicInteger();

    /** Searches in a region made for one test: its programs are the only ones there. */
    static Searches inNewRegion(Fixtures fixtures, Http caseworker) {
        String code = "XX-S-" + (System.nanoTime() % 1_000_000) + "-" + REGIONS.incrementAndGet();
        org.harbour.testdata.Sql.update("INSERT INTO regions (code, name, province, time_zone, rural)"
                + " VALUES (?, 'One test''s region', 'BC', 'America/Vancouver', FALSE)", code);
        return new Searches(fixtures, caseworker, code);
    }

    String region() {
        return region;
    }

    static Map<String, Object> officeHours(String day) {
        return Map.of("alwaysOpen", false, "weekly", List.of(Map.of("day", day, "open", "09:00", "close", "17:00")));
    }

    static ProgramBuilder eligible(String field, Object value) {
        return ProgramBuilder.defaultProgram().withEligibility(field, value);
    }

    /** A program that is not trafficking-specialized (the default program is). */
    static ProgramBuilder general() {
        return eligible("traffickingSpecialized", false);
    }

    /** A program of capacity 10 in an always-open Vancouver facility, with that many beds available. */
    long program(ProgramBuilder program, int available) {
        return program(FacilityBuilder.defaultFacility().with("timeZone", "America/Vancouver"), program, available);
    }

    long program(FacilityBuilder facility, ProgramBuilder program, int available) {
        long id = fixtures.facility(facility.with("regionCode", region).withProgram(program.withCapacity(10))).programId();
        assertThat(fixtures.admin().put("/api/programs/" + id + "/availability", Map.of("available", available)).status())
                .isEqualTo(200);
        return id;
    }

    Http.Reply search(Map<String, Object> body) {
        Http.Reply reply = caseworker.post("/api/bed-requests", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    /** Searches the region; the programs among these that matched, in rank order. */
    List<Long> matched(Map<String, Object> needs, List<Long> among) {
        return ids(search(Map.of("regionCode", region, "needs", needs)), among);
    }

    List<Long> matchedNow(List<Long> among) {
        return ids(search(Map.of("regionCode", region, "needs", Map.of(), "admitNow", true)), among);
    }

    @SuppressWarnings("unchecked")
    static List<Long> ids(Http.Reply reply, List<Long> among) {
        return ((List<Map<String, Object>>) reply.map().get("matches")).stream()
                .map(m -> ((Number) m.get("programId")).longValue()).filter(among::contains).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> match(Http.Reply reply, long programId) {
        return ((List<Map<String, Object>>) reply.map().get("matches")).stream()
                .filter(m -> ((Number) m.get("programId")).longValue() == programId).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nearMisses(Http.Reply reply) {
        return (List<Map<String, Object>>) reply.map().get("nearMisses");
    }

    /** The near misses among these programs, in the answer's order. */
    static List<Long> nearMissIds(Http.Reply reply, List<Long> among) {
        return nearMisses(reply).stream().map(m -> ((Number) m.get("programId")).longValue())
                .filter(among::contains).toList();
    }

    /** The reasons a program was a near miss; fails when it was not one. */
    @SuppressWarnings("unchecked")
    static List<String> reasonsOf(Http.Reply reply, long programId) {
        return (List<String>) nearMisses(reply).stream()
                .filter(m -> ((Number) m.get("programId")).longValue() == programId).findFirst()
                .orElseThrow(() -> new AssertionError("no near miss " + programId + " in " + reply.body()))
                .get("reasons");
    }

    @SuppressWarnings("unchecked")
    static List<Object> fieldsOf(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        return ((List<Map<String, Object>>) reply.map().get("errors")).stream().map(e -> e.get("field")).toList();
    }
}
