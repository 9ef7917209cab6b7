package org.harbour.waitlist;

import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls waitlist tests repeat, made through the API as one caseworker (and ADMIN for counts). */
final class WaitlistCalls {

    private final Fixtures fixtures;
    private final Http caseworker;
    private final MutableClock clock;

    WaitlistCalls(Fixtures fixtures, Http caseworker, MutableClock clock) {
        this.fixtures = fixtures;
        this.caseworker = caseworker;
        this.clock = clock;
    }

    /** A type and region with no open entries and no bookable bed, so a test's beds and people meet only each other. */
    String[] quietTypeAndRegion() {
        List<Map<String, Object>> availability = fixtures.admin().get("/api/availability").list();
        for (String type : List.of("DETOX", "TREATMENT", "RESPITE", "TRANSITIONAL_HOUSING", "SAFE_HOUSE")) {
            for (String region : List.of("ON-NORTHWEST", "ON-NORTHEAST", "BC-NORTH", "AB-NORTH", "AB-SOUTH", "ON-EAST")) {
                boolean bookable = availability.stream().anyMatch(a -> type.equals(a.get("type"))
                        && region.equals(a.get("regionCode")) && ((Number) a.get("bookable")).intValue() > 0);
                if (!bookable && fixtures.admin().get("/api/waitlist?type=" + type + "&regionCode=" + region).list().isEmpty()) {
                    return new String[] {type, region};
                }
            }
        }
        throw new AssertionError("no quiet type and region left");
    }

    /** A program of capacity 2 with no bed free yet, of a type and region no other test's people wait for. */
    Fixtures.CreatedFacility quietProgram() {
        String[] quiet = quietTypeAndRegion();
        return facility(quiet[0], quiet[1]);
    }

    Fixtures.CreatedFacility facility(String type, String region) {
        return fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", region)
                .withProgram(ProgramBuilder.defaultProgram().with("type", type).withCapacity(2)));
    }

    void free(long program, int available) {
        assertThat(fixtures.admin().put("/api/programs/" + program + "/availability", Map.of("available", available)).status())
                .isEqualTo(200);
    }

    long client() {
        return client(Fixtures.unique("WL"));
    }

    long client(String alias) {
        return created(caseworker.post("/api/clients", Map.of("alias", alias, "needs", Map.of())));
    }

    long join(long client, long program, int priority) {
        clock.advance(Duration.ofSeconds(1)); // the clock stands still otherwise; ties go by time
        return created(caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", program, "priority", priority)));
    }

    /** An open entry as its caseworker lists it. */
    Map<String, Object> entry(long id, String query) {
        return caseworker.get("/api/waitlist?" + query).list().stream().filter(e -> number(e.get("id")) == id)
                .findFirst().orElseThrow(() -> new AssertionError("entry " + id + " is not open"));
    }

    /** Any entry's status, open or closed (the API lists open entries only). */
    static String statusOf(long entry) {
        return (String) Sql.row("SELECT status FROM waitlist_entries WHERE id = ?", entry).get("status");
    }

    Map<String, Object> counts(long program) {
        return fixtures.admin().get("/api/programs/" + program + "/availability").map();
    }

    static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
