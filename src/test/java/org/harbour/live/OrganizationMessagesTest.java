package org.harbour.live;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.organization.Organizations;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization's news goes to the people doing its casework (its CASEWORKER and ADMIN users); the door's
 * news also to that facility's staff. Its FUNDER users, and its SHELTER_STAFF for anything but their own
 * door, get none of it: over REST they could read none of it either.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationMessagesTest implements HarbourTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Set<String> ORGANIZATION_NEWS = Set.of("waitlist.offered", "placement.ending", "hold.arrived");
    /** Every field a hold.* message may carry: which hold, where, and a refusal's reason; never who. */
    static final Set<String> HOLD_FIELDS = Set.of("type", "seq", "programId", "holdId", "reason");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Organizations organizations;

    Fixtures fixtures;
    EventTable events;
    LiveClient.Sentinel sentinel;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        events = new EventTable(context);
        sentinel = LiveClient.Sentinel.create(fixtures);
    }

    @Test
    void onlyItsCaseworkersAndAdminsHearAnOrganizationsNewsAndTheDoorsStaffOnlyTheirDoors() {
        String organization = Fixtures.unique("News outreach");
        var door = fixtures.facilityWithBeds(8, 0);
        var elsewhere = fixtures.facilityWithBeds(8, 0);
        Http caseworker = fixtures.caseworker(organization);
        Http admin = fixtures.as("ADMIN", organization);
        Http funder = fixtures.as("FUNDER", organization);
        Http ownStaffAtTheDoor = fixtures.as("SHELTER_STAFF", organization, door.id());
        Http ownStaffElsewhere = fixtures.as("SHELTER_STAFF", organization, elsewhere.id());
        Http otherStaffAtTheDoor = fixtures.staffOf(door.id());
        Http otherCaseworker = fixtures.caseworker(Fixtures.unique("Other outreach"));
        long organizationId = organizations.findIdByName(organization).orElseThrow();

        List<LiveClient> clients = new ArrayList<>();
        try {
            for (Http user : List.of(caseworker, admin, funder, ownStaffAtTheDoor, ownStaffElsewhere,
                    otherStaffAtTheDoor, otherCaseworker)) {
                LiveClient client = LiveClient.connect(server.getURI(), user.token(), null);
                clients.add(client);
                assertThat(client.next(WAIT)).containsEntry("type", "snapshot");
            }
            long program = door.programId();
            events.append("waitlist.offered", program, door.id(), organizationId, 1, Map.of("entryId", 41,
                    "programId", program, "holdId", 40, "offerExpiresAt", "2026-11-22T02:00:00Z"));
            events.append("placement.ending", program, door.id(), organizationId, 1, Map.of("placementId", 42,
                    "programId", program, "expectedEndDate", "2026-11-23"));
            events.append("hold.arrived", program, door.id(), organizationId, 1, Map.of("programId", program,
                    "holdId", 43));
            Predicate<Map<String, Object>> mark = sentinel.fire();

            List<List<String>> heard = clients.stream().map(client -> client.assertNothingBefore(mark, m -> false)
                    .stream().map(m -> (String) m.get("type")).filter(ORGANIZATION_NEWS::contains).toList()).toList();

            List<String> everything = List.of("waitlist.offered", "placement.ending", "hold.arrived");
            assertThat(heard.get(0)).as("its caseworker").isEqualTo(everything);
            assertThat(heard.get(1)).as("its admin").isEqualTo(everything);
            assertThat(heard.get(2)).as("its funder").isEmpty();
            assertThat(heard.get(3)).as("its staff at the door").isEqualTo(List.of("hold.arrived"));
            assertThat(heard.get(4)).as("its staff elsewhere").isEmpty();
            assertThat(heard.get(5)).as("another organization's staff at the door").isEqualTo(List.of("hold.arrived"));
            assertThat(heard.get(6)).as("another organization's caseworker").isEmpty();
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void theDoorsMessagesNameTheHoldNeverWhoSheIs() {
        String organization = Fixtures.unique("Door news outreach");
        var door = fixtures.facilityWithBeds(8, 4);
        Http caseworker = fixtures.caseworker(organization);
        Http staff = fixtures.as("SHELTER_STAFF", organization, door.id()); // the same organization: still the door
        String alias = Fixtures.unique("DOORNEWS").replace(' ', '-');
        long client = caseworker.post("/api/clients", Map.of("alias", alias)).id();
        long secondClient = Fixtures.clientOf(caseworker);

        try (LiveClient own = LiveClient.connect(server.getURI(), caseworker.token(), null);
             LiveClient atTheDoor = LiveClient.connect(server.getURI(), staff.token(), null)) {
            own.next(WAIT);
            atTheDoor.next(WAIT);
            Map<String, Object> arriving = hold(caseworker, door.programId(), client);
            Map<String, Object> missing = hold(caseworker, door.programId(), secondClient);
            String code = (String) arriving.get("arrivalCode");
            assertThat(staff.post("/api/holds/" + arriving.get("id") + "/arrive", Map.of("arrivalCode", code)).status())
                    .isEqualTo(201);
            assertThat(staff.post("/api/holds/" + missing.get("id") + "/no-show", Map.of()).status()).isEqualTo(200);
            Predicate<Map<String, Object>> mark = sentinel.fire();

            for (LiveClient listener : List.of(own, atTheDoor)) {
                List<Map<String, Object>> holdNews = listener.assertNothingBefore(mark, m -> false).stream()
                        .filter(m -> String.valueOf(m.get("type")).startsWith("hold.")).toList();
                assertThat(holdNews).extracting(m -> m.get("type"))
                        .contains("hold.created", "hold.arrived", "hold.no-show", "hold.released");
                assertThat(holdNews).allSatisfy(m -> assertThat(HOLD_FIELDS).containsAll(m.keySet()));
                assertThat(holdNews).extracting(Http::json).noneMatch(text -> text.contains(alias) || text.contains(code));
            }
        }
    }

    private static Map<String, Object> hold(Http caseworker, long programId, long clientId) {
        Http.Reply reply = caseworker.post("/api/programs/" + programId + "/holds", Map.of("clientId", clientId, "minutes", 60));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.map();
    }
}
