package org.harbour.waitlist;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.hold.Holds;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Waitlists through HTTP: offer order, offers as holds, expiry and hand-on, and who hears of an offer. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitlistApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    Holds holds;

    Fixtures fixtures;
    Http caseworker;
    Http otherOrganization;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestDatabase.properties());
        props.put("harbour.test.mutable-clock", "true");
        props.put("harbour.hold-expiry-interval", "1h"); // the test drives expiry itself
        return props;
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Waitlist outreach"));
        otherOrganization = fixtures.caseworker(Fixtures.unique("Other outreach"));
        Sql.update("ALTER TABLE clients AUTO_INCREMENT = 100000"); // ids beyond the Long cache
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS)); // the database keeps microseconds
    }

    @Test
    void entriesAreOfferedInPriorityThenTimeOrder() {
        long program = quietProgram().programId();
        long low = join(client(), program, 3);
        long urgent = join(client(), program, 1);
        long alsoUrgent = join(client(), program, 1);
        long middle = join(client(), program, 2);
        List<Map<String, Object>> queue = caseworker.get("/api/waitlist?programId=" + program).list();
        assertThat(queue).extracting(e -> number(e.get("id"))).containsExactly(urgent, alsoUrgent, middle, low);
        assertThat(queue).extracting(e -> e.get("position")).containsExactly(1, 2, 3, 4);
        assertThat(queue).extracting(e -> e.get("status")).containsOnly("WAITING");
    }

    @Test
    void aTypeAndRegionEntryIsOfferedOnlyBedsOfMatchingPrograms() {
        String[] quiet = quietTypeAndRegion();
        long entry = created(caseworker.post("/api/waitlist", Map.of("clientId", client(), "type", quiet[0],
                "regionCode", quiet[1], "priority", 2)));
        long otherType = facility(quiet[0].equals("DETOX") ? "TREATMENT" : "DETOX", quiet[1]).programId();
        long otherRegion = facility(quiet[0], quiet[1].equals("AB-NORTH") ? "AB-SOUTH" : "AB-NORTH").programId();
        long matching = facility(quiet[0], quiet[1]).programId();
        free(otherType, 1);
        free(otherRegion, 1);
        assertThat(entry(entry, "type=" + quiet[0] + "&regionCode=" + quiet[1])).containsEntry("status", "WAITING");
        free(matching, 1);
        Map<String, Object> offered = entry(entry, "type=" + quiet[0] + "&regionCode=" + quiet[1]);
        assertThat(offered).containsEntry("status", "OFFERED");
        assertThat(number(offered.get("offeredProgramId"))).isEqualTo(matching);
    }

    @Test
    void aFreedBedIsOfferedAndAnnouncedOnlyToTheEntrysOrganizationWithoutTheAlias() {
        String alias = Fixtures.unique("QZX-ALIAS").replace(' ', '-');
        var shelter = quietProgram();
        long entry = join(client(alias), shelter.programId(), 1);
        try (LiveClient own = LiveClient.connect(server.getURI(), caseworker.token(), null);
             LiveClient other = LiveClient.connect(server.getURI(), otherOrganization.token(), null)) {
            List<Map<String, Object>> received = new ArrayList<>(List.of(own.next(Duration.ofSeconds(5))));
            other.next(Duration.ofSeconds(5));
            Instant freedAt = clock.instant();
            assertThat(fixtures.staffOf(shelter.id()).put("/api/programs/" + shelter.programId() + "/availability",
                    Map.of("available", 1)).status()).isEqualTo(200);

            Map<String, Object> message = own.awaitMatching(m -> "waitlist.offered".equals(m.get("type"))
                    && number(m.get("entryId")) == entry, Duration.ofSeconds(2));
            received.add(message);
            received.addAll(own.drain(Duration.ofMillis(300)));
            String expiresAt = freedAt.plus(Duration.ofMinutes(120)).toString();
            assertThat(number(message.get("programId"))).isEqualTo(shelter.programId());
            assertThat(Instant.parse((String) message.get("offerExpiresAt"))).isEqualTo(expiresAt);
            Map<String, Object> offered = entry(entry, "programId=" + shelter.programId());
            assertThat(offered).containsEntry("status", "OFFERED").containsKey("holdId");
            assertThat(Instant.parse((String) offered.get("offerExpiresAt"))).isEqualTo(expiresAt);
            assertThat(counts(shelter.programId())).containsEntry("held", 1).containsEntry("bookable", 0);
            assertThat(received).allSatisfy(m -> assertThat(m.toString()).doesNotContain(alias));
            assertThat(other.drain(Duration.ofMillis(300))).noneMatch(m -> "waitlist.offered".equals(m.get("type")));
        }
    }

    @Test
    void anOfferNotTakenInTimeExpiresAndPassesToTheNextPerson() {
        long program = quietProgram().programId();
        long first = join(client(), program, 1);
        long second = join(client(), program, 2);
        free(program, 1);
        assertThat(entry(first, "programId=" + program)).containsEntry("status", "OFFERED");

        clock.advance(Duration.ofMinutes(119));
        holds.expireDue();
        assertThat(entry(first, "programId=" + program)).containsEntry("status", "OFFERED");
        clock.advance(Duration.ofMinutes(2));
        holds.expireDue();
        assertThat(statusOf(first)).isEqualTo("EXPIRED");
        Map<String, Object> next = entry(second, "programId=" + program);
        assertThat(next).containsEntry("status", "OFFERED");
        assertThat(Instant.parse((String) next.get("offerExpiresAt"))).isEqualTo(clock.instant().plus(Duration.ofMinutes(120)));
        assertThat(counts(program)).containsEntry("available", 1).containsEntry("held", 1);
    }

    @Test
    void placingTheClientWithTheOfferClosesHerEntriesAsPlaced() {
        long program = quietProgram().programId();
        long client = client();
        long entry = join(client, program, 1);
        String[] quiet = quietTypeAndRegion();
        long elsewhere = created(caseworker.post("/api/waitlist", Map.of("clientId", client, "type", quiet[0],
                "regionCode", quiet[1])));
        free(program, 1);
        Object holdId = entry(entry, "programId=" + program).get("holdId");

        Http.Reply placed = caseworker.post("/api/placements", Map.of("clientId", client, "programId", program, "holdId", holdId));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(statusOf(entry)).isEqualTo("PLACED");
        assertThat(statusOf(elsewhere)).isEqualTo("PLACED");
        assertThat(counts(program)).containsEntry("available", 0).containsEntry("held", 0);
    }

    @Test
    void withdrawingAnOfferedEntryPassesTheBedOn() {
        long program = quietProgram().programId();
        long first = join(client(), program, 1);
        long second = join(client(), program, 1);
        free(program, 1);
        Object firstHold = entry(first, "programId=" + program).get("holdId");

        assertThat(caseworker.delete("/api/waitlist/" + first).status()).isEqualTo(204);
        assertThat(statusOf(first)).isEqualTo("WITHDRAWN");
        Map<String, Object> next = entry(second, "programId=" + program);
        assertThat(next).containsEntry("status", "OFFERED");
        assertThat(next.get("holdId")).isNotEqualTo(firstHold);
        assertThat(counts(program)).containsEntry("held", 1);
        assertThat(caseworker.delete("/api/waitlist/" + first).status()).isEqualTo(409);
    }

    @Test
    void aClientWaitsOnceOnAListAndIsOfferedOneBedOfAProgramWhateverListsSheIsOn() {
        String[] quiet = quietTypeAndRegion();
        long program = facility(quiet[0], quiet[1]).programId();
        long client = client();
        long onProgram = join(client, program, 1);
        assertThat(caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", program)).status()).isEqualTo(409);
        Http.Reply byType = caseworker.post("/api/waitlist", Map.of("clientId", client, "type", quiet[0].toLowerCase(),
                "regionCode", quiet[1].toLowerCase(), "priority", 1));
        assertThat(byType.map()).containsEntry("type", quiet[0]).containsEntry("regionCode", quiet[1]);
        assertThat(caseworker.post("/api/waitlist", Map.of("clientId", client, "type", quiet[0],
                "regionCode", quiet[1])).status()).isEqualTo(409);
        long next = join(client(), program, 2);

        free(program, 2);
        assertThat(List.of(statusOf(onProgram), statusOf(byType.id()), statusOf(next)))
                .containsExactly("OFFERED", "WAITING", "OFFERED");
        assertThat(counts(program)).containsEntry("held", 2);
    }

    @Test
    void badEntriesAreRefusedWithTheirField() {
        long program = quietProgram().programId();
        long client = client();
        assertInvalid(Map.of("clientId", client, "priority", 1), "programId");
        assertInvalid(Map.of("clientId", client, "type", "DETOX"), "programId");
        assertInvalid(Map.of("clientId", client, "programId", program, "type", "DETOX", "regionCode", "ON-EAST"), "programId");
        assertInvalid(Map.of("clientId", client, "type", "SPA", "regionCode", "ON-EAST"), "type");
        assertInvalid(Map.of("clientId", client, "type", "DETOX", "regionCode", "XX-NOWHERE"), "regionCode");
        assertInvalid(Map.of("clientId", client, "programId", program, "priority", 0), "priority");
        assertInvalid(Map.of("clientId", client, "programId", program, "priority", 6), "priority");
        assertInvalid(Map.of("programId", program), "clientId");
        assertThat(caseworker.post("/api/waitlist", "{\"clientId\": ").status()).isEqualTo(400);
        assertThat(caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", 987654321)).status()).isEqualTo(404);
        assertThat(caseworker.get("/api/waitlist?programId=" + program).list()).isEmpty();
    }

    @Test
    void anotherOrganizationsEntriesAreNotFound() {
        long program = quietProgram().programId();
        long client = client();
        long entry = join(client, program, 1);
        assertThat(otherOrganization.delete("/api/waitlist/" + entry).status()).isEqualTo(404);
        assertThat(otherOrganization.post("/api/waitlist", Map.of("clientId", client, "programId", program)).status()).isEqualTo(404);
        assertThat(otherOrganization.get("/api/waitlist?programId=" + program).list()).isEmpty();
        assertThat(fixtures.funder().get("/api/waitlist?programId=" + program).status()).isEqualTo(403);
        assertThat(statusOf(entry)).isEqualTo("WAITING");
    }

    /** A type and region with no open entries and no bookable bed, so this test's beds and people meet only each other. */
    private String[] quietTypeAndRegion() {
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

    /** A program with no bed free yet, of a type and region no other test's people wait for. */
    private Fixtures.CreatedFacility quietProgram() {
        String[] quiet = quietTypeAndRegion();
        return facility(quiet[0], quiet[1]);
    }

    private Fixtures.CreatedFacility facility(String type, String region) {
        return fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", region)
                .withProgram(ProgramBuilder.defaultProgram().with("type", type).withCapacity(2)));
    }

    private void free(long program, int available) {
        assertThat(fixtures.admin().put("/api/programs/" + program + "/availability", Map.of("available", available)).status())
                .isEqualTo(200);
    }

    private long client() {
        return client(Fixtures.unique("WL"));
    }

    private long client(String alias) {
        return created(caseworker.post("/api/clients", Map.of("alias", alias, "needs", Map.of())));
    }

    private long join(long client, long program, int priority) {
        clock.advance(Duration.ofSeconds(1)); // the clock stands still otherwise; ties go by time
        return created(caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", program, "priority", priority)));
    }

    private Map<String, Object> entry(long id, String query) {
        return caseworker.get("/api/waitlist?" + query).list().stream().filter(e -> number(e.get("id")) == id)
                .findFirst().orElseThrow(() -> new AssertionError("entry " + id + " is not open"));
    }

    private static String statusOf(long entry) {
        return (String) Sql.row("SELECT status FROM waitlist_entries WHERE id = ?", entry).get("status");
    }

    private Map<String, Object> counts(long program) {
        return fixtures.admin().get("/api/programs/" + program + "/availability").map();
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Http.Reply reply = caseworker.post("/api/waitlist", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"field\":\"" + field + "\"");
    }

    private static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
