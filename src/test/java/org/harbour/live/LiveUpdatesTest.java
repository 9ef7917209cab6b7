package org.harbour.live;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.organization.Organizations;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.ProgramBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.live.Streams.availability;
import static org.harbour.live.Streams.untilChangeOf;

@MicronautTest(transactional = false) // writes go through HTTP or commit on their own, as in production
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveUpdatesTest implements HarbourTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Organizations organizations;

    Fixtures fixtures;
    EventTable events;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        events = new EventTable(context);
    }

    @Test
    void firstTheSnapshotThenEachChangeWithinASecondInSeqOrder() {
        var facility = fixtures.facilityWithBeds(12, 4);
        long program = facility.programId();
        try (LiveClient client = connect(fixtures.caseworker("Street Outreach Toronto"), null)) {
            Map<String, Object> snapshot = client.next(WAIT);
            assertThat(snapshot).containsEntry("type", "snapshot").containsKey("seq");
            assertThat(views(snapshot)).anySatisfy(view -> assertThat(view)
                    .containsEntry("programId", (int) program).containsEntry("available", 4));

            long start = System.nanoTime();
            report(program, 7);
            Map<String, Object> first = client.next(Duration.ofSeconds(1).minusNanos(System.nanoTime() - start));
            assertThat(first).containsEntry("type", Streams.CHANGED);
            assertThat(availability(first)).containsEntry("programId", (int) program)
                    .containsEntry("available", 7).containsEntry("bookable", 7).containsEntry("occupied", 5);

            report(program, 6);
            report(program, 5);
            List<Map<String, Object>> all = new ArrayList<>(List.of(snapshot, first));
            all.addAll(untilChangeOf(client, program, WAIT));
            all.addAll(untilChangeOf(client, program, WAIT));
            Streams.assertSeqsStrictlyIncrease(all);
            assertThat(all).filteredOn(m -> Streams.isChangeOf(m, List.of(program)))
                    .extracting(m -> availability(m).get("available")).containsExactly(7, 6, 5);
        }
    }

    @Test
    void aClientResumingWithSinceGetsExactlyTheMissedEventsThenLiveOnes() {
        long program = fixtures.facilityWithBeds(12, 0).programId();
        Http caseworker = fixtures.caseworker("Street Outreach Toronto");
        long seen;
        try (LiveClient before = connect(caseworker, null)) {
            before.next(WAIT);
            report(program, 1);
            seen = LiveClient.seq(untilChangeOf(before, program, WAIT).get(0));
        }
        report(program, 2);
        report(program, 3);

        try (LiveClient after = connect(caseworker, seen)) {
            List<Map<String, Object>> received = new ArrayList<>(List.of(after.next(WAIT), after.next(WAIT)));
            report(program, 4);
            report(program, 5);
            received.addAll(List.of(after.next(WAIT), after.next(WAIT)));

            // no snapshot, nothing repeated or skipped between the missed events and the live ones
            assertThat(received).extracting(m -> m.get("type")).containsOnly(Streams.CHANGED);
            assertThat(received).extracting(m -> availability(m).get("available")).containsExactly(2, 3, 4, 5);
            Streams.assertSeqsStrictlyIncrease(received);
            assertThat(LiveClient.seq(received.get(0))).isGreaterThan(seen);
        }
    }

    @Test
    void aBadAbsentOrExpiredTokenIsRefusedAtTheHandshake() throws Exception {
        String expired = Handshake.adminToken(Instant.now().minusSeconds(60));
        assertThat(Handshake.status(server.getURI(), "")).isEqualTo(401);
        assertThat(Handshake.status(server.getURI(), "?access_token=not-a-token")).isEqualTo(401);
        assertThat(Handshake.status(server.getURI(), "?access_token=" + expired)).isEqualTo(401);

        // the same claims, not yet expired, are let in: the refusal above was the expiry
        try (LiveClient client = LiveClient.connect(server.getURI(), Handshake.adminToken(Instant.now().plusSeconds(600)), null)) {
            assertThat(client.next(WAIT)).containsEntry("type", "snapshot");
        }
    }

    @Test
    void anOrganizationsEventReachesOnlyThatOrganization() {
        String orgA = Fixtures.unique("Outreach A");
        Http caseworkerA = fixtures.caseworker(orgA);
        var sentinel = fixtures.facilityWithBeds(4, 0);
        try (LiveClient a = connect(caseworkerA, null);
             LiveClient b = connect(fixtures.caseworker(Fixtures.unique("Outreach B")), null);
             LiveClient funder = connect(fixtures.funder(), null);
             LiveClient admin = connect(fixtures.admin(), null)) {
            List.of(a, b, funder, admin).forEach(client -> client.next(WAIT));

            long orgAId = organizations.findIdByName(orgA).orElseThrow();
            events.append("waitlist.offered", sentinel.programId(), orgAId, 1, Map.of("entryId", 42,
                    "programId", sentinel.programId(), "offerExpiresAt", "2026-11-22T02:00:00Z"));
            report(sentinel.programId(), 1);

            List<Map<String, Object>> toA = untilChangeOf(a, sentinel.programId(), WAIT);
            assertThat(toA).extracting(m -> m.get("type")).containsExactly("waitlist.offered", Streams.CHANGED);
            assertThat(toA.get(0)).containsEntry("entryId", 42).containsEntry("programId", (int) sentinel.programId());
            for (LiveClient other : List.of(b, funder, admin)) {
                assertThat(untilChangeOf(other, sentinel.programId(), WAIT)).extracting(m -> m.get("type"))
                        .containsExactly(Streams.CHANGED);
            }
        }
    }

    @Test
    void aTransactionsManyEventsGetConsecutiveSeqsAndAllArriveInOrder() {
        int many = 450; // more than two INSERTs' worth: EventLog sends 200 rows per INSERT
        var sentinel = fixtures.facilityWithBeds(4, 0);
        long program = sentinel.programId();
        try (LiveClient admin = connect(fixtures.admin(), null)) {
            admin.next(WAIT);

            long last = events.append("hold.released", program, null, many, Map.of("programId", program, "holdId", 7));
            report(program, 1);

            List<Long> released = untilChangeOf(admin, program, WAIT).stream()
                    .filter(m -> "hold.released".equals(m.get("type")) && Long.valueOf(program).equals(
                            ((Number) m.get("programId")).longValue()))
                    .map(LiveClient::seq).toList();
            assertThat(released).hasSize(many).isSorted().endsWith(last);
            assertThat(released.get(many - 1) - released.get(0)).isEqualTo(many - 1);
        }
    }

    @Test
    void noMessageCarriesAConfidentialAddress() {
        String address = Fixtures.unique("Hidden Harbour Lane");
        var hidden = fixtures.facility(FacilityBuilder.defaultFacility().confidential(true).with("address", address)
                .withProgram(ProgramBuilder.defaultProgram()));
        report(hidden.programId(), 3);
        List<Http> everyone = List.of(fixtures.admin(), fixtures.staffOf(hidden.id()),
                fixtures.caseworker("Street Outreach Toronto"), fixtures.funder());
        for (Http user : everyone) {
            try (LiveClient client = connect(user, null)) {
                Map<String, Object> snapshot = client.next(WAIT);
                assertThat(views(snapshot)).anySatisfy(v -> assertThat(v).containsEntry("programId", (int) hidden.programId()));
                report(hidden.programId(), 2);
                List<Map<String, Object>> messages = untilChangeOf(client, hidden.programId(), WAIT);
                messages.add(snapshot);
                assertThat(messages).extracting(Http::json).noneMatch(text -> text.contains(address));
            }
        }
    }

    private LiveClient connect(Http user, Long since) {
        return LiveClient.connect(server.getURI(), user.token(), since);
    }

    private void report(long programId, int available) {
        Http.Reply reply = fixtures.admin().put("/api/programs/" + programId + "/availability", Map.of("available", available));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> views(Map<String, Object> snapshot) {
        return (List<Map<String, Object>>) snapshot.get("availability");
    }
}
