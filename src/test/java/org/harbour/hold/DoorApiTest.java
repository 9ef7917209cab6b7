package org.harbour.hold;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.Problems;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door: a hold carries a code only its organization reads; the facility's staff see who is coming (never who
 * she is), check her in with the code (once, however many press), or record a no-show or a refusal.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoorApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Fixtures.CreatedFacility shelter;
    Http caseworker;
    Http staff;
    long client;
    String alias;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        shelter = fixtures.facilityWithBeds(10, 10);
        caseworker = fixtures.caseworker(Fixtures.unique("Door outreach"));
        staff = fixtures.staffOf(shelter.id());
        alias = Fixtures.unique("DOOR").replace(' ', '-');
        client = caseworker.post("/api/clients", Map.of("alias", alias, "birthYear", 1998, "gender", "WOMAN",
                "needs", Map.of("children", 1, "substanceUse", true, "language", "fr"))).id();
    }

    private Map<String, Object> hold() {
        Http.Reply reply = caseworker.post("/api/programs/" + shelter.programId() + "/holds",
                Map.of("clientId", client, "minutes", 60));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.map();
    }

    private static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    @Test
    void theCodeIsSixUnmistakableCharactersThatOnlyHerOrganizationReads() {
        Map<String, Object> hold = hold();
        String code = (String) hold.get("arrivalCode");
        assertThat(code).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}");

        String path = "/api/programs/" + shelter.programId() + "/holds";
        assertThat(caseworker.get(path).list()).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("arrivalCode", code).containsEntry("clientId", (int) client));
        List<Map<String, Object>> atTheDoor = staff.get(path).list();
        assertThat(atTheDoor).singleElement().satisfies(h -> {
            assertThat(h.get("referringOrganization")).asString().startsWith("Door outreach");
            assertThat(h.get("clientId")).isNull();
            assertThat(h.get("arrivalCode")).isNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> needs = (Map<String, Object>) h.get("needs");
            assertThat(needs).containsAllEntriesOf(Map.of("gender", "WOMAN", "age", 28, "children", 1,
                    "substanceUse", true, "language", "fr"));
        });
        assertThat(staff.get(path).body()).doesNotContain(code).doesNotContain(alias);
        assertThat(fixtures.admin().get(path).body()).doesNotContain(code);
        assertThat(fixtures.caseworker(Fixtures.unique("Other outreach")).get(path).list()).isEmpty();
        assertThat(fixtures.funder().get(path).status()).isEqualTo(403);
        assertThat(Sql.number("SELECT COUNT(*) FROM holds WHERE arrival_code LIKE ?", "%" + code + "%")).isZero();
        assertThat(Sql.number("SELECT COUNT(*) FROM audit_log WHERE CONCAT_WS(' ', username, action, object_type,"
                + " remote_address) LIKE ?", "%" + code + "%")).isZero();
    }

    @Test
    void onlyHerOrganizationsCaseworkersAndAdminsSeeWhoSheIsOnTheDoorsList() {
        String organization = (String) caseworker.get("/api/users/me").map().get("organization");
        Map<String, Object> hold = hold();
        String code = (String) hold.get("arrivalCode");
        String path = "/api/programs/" + shelter.programId() + "/holds";

        // staff of her own organization keep the door all the same; an ADMIN elsewhere reads the door's list
        for (Http door : List.of(fixtures.as("SHELTER_STAFF", organization, shelter.id()), fixtures.admin())) {
            assertThat(door.get(path).list()).singleElement().satisfies(h -> {
                assertThat(h.get("clientId")).isNull();
                assertThat(h.get("arrivalCode")).isNull();
            });
            assertThat(door.get(path).body()).doesNotContain(code).doesNotContain(alias);
        }
        for (Http herCasework : List.of(caseworker, fixtures.as("ADMIN", organization))) {
            assertThat(herCasework.get(path).list()).singleElement().satisfies(h -> assertThat(h)
                    .containsEntry("clientId", (int) client).containsEntry("arrivalCode", code));
        }
    }

    @Test
    void sheArrivesWithHerCodeAndBothSidesHearItWithoutTheCode() {
        Map<String, Object> hold = hold();
        String code = (String) hold.get("arrivalCode");
        try (LiveClient own = LiveClient.connect(server.getURI(), caseworker.token(), null);
             LiveClient door = LiveClient.connect(server.getURI(), staff.token(), null)) {
            long started = System.nanoTime();
            Http.Reply arrived = staff.post("/api/holds/" + id(hold) + "/arrive",
                    Map.of("arrivalCode", code.toLowerCase().substring(0, 3) + " " + code.substring(3)));
            assertThat(arrived.status()).as(arrived.body()).isEqualTo(201);
            assertThat(arrived.map()).containsEntry("status", "ACTIVE").containsEntry("programId",
                    (int) shelter.programId());
            for (LiveClient listener : List.of(own, door)) {
                Map<String, Object> message = listener.awaitMatching(m -> "hold.arrived".equals(m.get("type"))
                        && ((Number) m.get("holdId")).longValue() == id(hold), Duration.ofSeconds(5));
                assertThat(message.toString()).doesNotContain(code).doesNotContain(alias);
            }
            System.out.printf("check-in to the caseworker's socket: %.0f ms%n", (System.nanoTime() - started) / 1e6);
        }
        assertThat(Sql.row("SELECT status, door_outcome FROM holds WHERE id = ?", id(hold)))
                .containsEntry("status", "CONSUMED").containsEntry("door_outcome", "ARRIVED");
        assertThat(counts()).containsEntry("held", 0).containsEntry("available", 9);
    }

    @Test
    void twoStaffPressingArriveAtOnceMakeOnePlacement() throws Exception {
        Map<String, Object> hold = hold();
        List<Http> desk = List.of(staff, fixtures.staffOf(shelter.id()), fixtures.staffOf(shelter.id()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(desk.size());
        try {
            List<Future<Integer>> presses = desk.stream().map(s -> pool.submit(() -> {
                start.await();
                return s.post("/api/holds/" + id(hold) + "/arrive", Map.of("arrivalCode", hold.get("arrivalCode")))
                        .status();
            })).toList();
            start.countDown();
            List<Integer> statuses = presses.stream().map(DoorApiTest::get).toList();
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(desk.size() - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Sql.number("SELECT COUNT(*) FROM placements WHERE hold_id = ?", id(hold))).isEqualTo(1);
        assertThat(counts()).containsEntry("held", 0).containsEntry("available", 9);
    }

    @Test
    void fiveWrongCodesReleaseTheHold() {
        Map<String, Object> hold = hold();
        String wrong = "ZZZZZZ".equals(hold.get("arrivalCode")) ? "YYYYYY" : "ZZZZZZ";
        for (int tries = 1; tries < HoldDoor.MAX_WRONG_CODES; tries++) {
            Problems.assertInvalidField(staff.post("/api/holds/" + id(hold) + "/arrive", Map.of("arrivalCode", wrong)),
                    "arrivalCode");
        }
        Problems.assertProblem(staff.post("/api/holds/" + id(hold) + "/arrive", Map.of("arrivalCode", wrong)), 409);
        assertThat(Sql.row("SELECT status FROM holds WHERE id = ?", id(hold))).containsEntry("status", "RELEASED");
        assertThat(staff.post("/api/holds/" + id(hold) + "/arrive", Map.of("arrivalCode", hold.get("arrivalCode")))
                .status()).isEqualTo(409);
        assertThat(counts()).containsEntry("held", 0).containsEntry("bookable", 10);
    }

    @Test
    void aDeclineRecordsItsReasonAndMovesTheRefusalRateAndANoShowIsRecordedToo() {
        long declined = id(hold());
        long absent = id(hold());
        Problems.assertInvalidField(staff.post("/api/holds/" + declined + "/decline", Map.of("reason", "MOODY")), "reason");
        assertThat(staff.post("/api/holds/" + declined + "/decline", Map.of("reason", "CHILDREN")).status()).isEqualTo(200);
        assertThat(staff.post("/api/holds/" + absent + "/no-show", Map.of()).status()).isEqualTo(200);
        assertThat(staff.post("/api/holds/" + absent + "/no-show", Map.of()).status()).isEqualTo(409);

        assertThat(Sql.row("SELECT status, door_outcome, door_reason FROM holds WHERE id = ?", declined))
                .containsEntry("status", "RELEASED").containsEntry("door_outcome", "REFUSED_AT_DOOR")
                .containsEntry("door_reason", "CHILDREN");
        assertThat(counts()).containsEntry("held", 0).containsEntry("doorOutcomes", 2).containsEntry("refusalRate", 0.5);
    }

    @Test
    void theDoorIsItsFacilitysStaffsOnly() {
        long held = id(hold());
        Http otherStaff = fixtures.staffOf(fixtures.facilityWithBeds(2, 2).id());
        Http stranger = fixtures.caseworker(Fixtures.unique("Stranger outreach"));
        for (String route : List.of("arrive", "no-show", "decline")) {
            Map<String, Object> body = Map.of("arrivalCode", "ABCDEF", "reason", "OTHER");
            assertThat(otherStaff.post("/api/holds/" + held + "/" + route, body).status()).as(route).isEqualTo(403);
            assertThat(stranger.post("/api/holds/" + held + "/" + route, body).status()).as(route).isEqualTo(404);
            assertThat(caseworker.post("/api/holds/" + held + "/" + route, body).status()).as(route).isEqualTo(404);
            assertThat(fixtures.funder().post("/api/holds/" + held + "/" + route, body).status()).as(route).isEqualTo(403);
        }
        assertThat(Sql.row("SELECT status, wrong_codes FROM holds WHERE id = ?", held))
                .containsEntry("status", "ACTIVE").containsEntry("wrong_codes", 0);
    }

    private Map<String, Object> counts() {
        return fixtures.admin().get("/api/programs/" + shelter.programId() + "/availability").map();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
