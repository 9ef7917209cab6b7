package org.harbour.placement;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.harbour.placement.Casework.fieldsOf;
import static org.harbour.placement.Casework.number;
import static org.harbour.placement.Casework.placementsOf;

/** The patchwork over time: atomic moves, the chain's figures, and placements about to end. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementChainTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    PlacementEndingNotices endingNotices;

    Fixtures fixtures;
    Casework casework;
    Casework otherOrganization;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties(Map.of("harbour.placement-ending-interval", "1h")); // the test sends the notices itself
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        casework = new Casework(fixtures, fixtures.caseworker(Fixtures.unique("Chain outreach")));
        otherOrganization = new Casework(fixtures, fixtures.caseworker(Fixtures.unique("Other outreach")));
    }

    @Test
    void aFailedMoveLeavesTheOldPlacementAndEveryCountAsTheyWere() {
        long from = casework.programWithBeds(3, 1);
        long full = casework.programWithBeds(3, 0);
        long open = casework.programWithBeds(3, 3);
        long client = casework.client();
        long placement = casework.place(client, from, null).id();
        // someone waits for the bed the move would free: the offer must roll back too
        long waiting = casework.http().post("/api/waitlist", Map.of("clientId", casework.client(), "programId", from)).id();
        long othersHold = otherOrganization.http().post("/api/programs/" + open + "/holds",
                Map.of("clientId", otherOrganization.client())).id();
        var before = List.of(casework.counts(from), casework.counts(full), casework.counts(open));

        assertThat(casework.move(placement, full, null).status()).isEqualTo(409);
        assertThat(casework.move(placement, open, othersHold).status()).isEqualTo(404);
        assertThat(casework.move(placement, 987654321L, null).status()).isEqualTo(404);
        assertThat(fieldsOf(casework.http().post("/api/placements/" + placement + "/move", Map.of("reason", "HOUSED"))))
                .containsExactly("toProgramId");

        assertThat(List.of(casework.counts(from), casework.counts(full), casework.counts(open))).isEqualTo(before);
        assertThat(placementsOf(casework.chain(client))).extracting(p -> p.get("status")).containsExactly("ACTIVE");
        assertThat(Sql.row("SELECT status, hold_id FROM waitlist_entries WHERE id = ?", waiting))
                .containsEntry("status", "WAITING").containsEntry("hold_id", null);
    }

    @Test
    void aMoveEndsTheOldPlacementAsMovedAndStartsTheNextTogether() {
        long from = casework.programWithBeds(3, 3);
        long to = casework.programWithBeds(3, 3);
        long client = casework.client();
        long placement = casework.place(client, from, null).id();
        Http.Reply moved = casework.move(placement, to, null);
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(number(moved.map().get("movedFromId"))).isEqualTo(placement);
        assertThat(placementsOf(casework.chain(client))).extracting(p -> p.get("status"), p -> p.get("endReason"),
                p -> p.get("moveReason")).containsExactly(
                tuple("ENDED", "MOVED", "UNSAFE"),
                tuple("ACTIVE", null, null));
        assertThat(casework.counts(from)).containsEntry("available", 3);
        assertThat(casework.counts(to)).containsEntry("available", 2);
        assertThat(casework.move(placement, to, null).status()).isEqualTo(409); // the old one has ended
    }

    @Test
    void theChainCountsEpisodesMovesAndNights() {
        long shelter = casework.programWithBeds(5, 5);
        long hotel = casework.programWithBeds(5, 5);
        long client = casework.client();
        Http as = casework.http();
        long first = as.post("/api/placements", Map.of("clientId", client, "programId", shelter, "startDate", "2026-01-01")).id();
        long moved = as.post("/api/placements/" + first + "/move", Map.of("toProgramId", hotel,
                "date", "2026-01-05", "reason", "MAX_STAY_REACHED")).id();
        casework.end(moved, "2026-01-10", "FUNDING_ENDED"); // then nine nights with no bed: a new episode
        long back = as.post("/api/placements", Map.of("clientId", client, "programId", shelter, "startDate", "2026-01-20")).id();
        casework.end(back, "2026-01-25", "LEFT"); // one night out: the same episode goes on
        long again = as.post("/api/placements", Map.of("clientId", client, "programId", hotel, "startDate", "2026-01-26")).id();
        casework.end(again, "2026-01-28", "HOUSED");

        Map<String, Object> chain = casework.chain(client);
        assertThat(chain).containsEntry("episodes", 2).containsEntry("moves", 2).containsEntry("nights", 4 + 5 + 5 + 2);
        assertThat(placementsOf(chain)).extracting(p -> p.get("endReason"))
                .containsExactly("MOVED", "FUNDING_ENDED", "LEFT", "HOUSED");
        assertThat(placementsOf(chain)).extracting(p -> p.get("nights")).containsExactly(4, 5, 5, 2);
    }

    @Test
    void placementsEndingSoonAreListedAndAnnouncedOnlyToTheirOrganization() {
        long program = casework.programWithBeds(5, 5);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var sentinel = LiveClient.Sentinel.create(fixtures);
        try (LiveClient own = LiveClient.connect(server.getURI(), casework.http().token(), null);
             LiveClient other = LiveClient.connect(server.getURI(), otherOrganization.http().token(), null)) {
            own.next(Duration.ofSeconds(5)); // the snapshot
            other.next(Duration.ofSeconds(5));
            long soon = placeUntil(casework, program, today.plusDays(1));
            long later = placeUntil(casework, program, today.plusDays(10));
            long othersSoon = placeUntil(otherOrganization, program, today.plusDays(1));

            assertThat(ids(casework.http().get("/api/placements?endingWithinDays=2")))
                    .contains(soon).doesNotContain(later, othersSoon);
            assertThat(ids(otherOrganization.http().get("/api/placements?endingWithinDays=2")))
                    .contains(othersSoon).doesNotContain(soon, later);
            assertThat(casework.http().get("/api/placements?endingWithinDays=-1").status()).isEqualTo(422);

            endingNotices.notifyEnding();
            Map<String, Object> notice = own.awaitMatching(endingOf(soon), Duration.ofSeconds(2));
            assertThat(number(notice.get("programId"))).isEqualTo(program);
            assertThat(notice).containsEntry("expectedEndDate", today.plusDays(1).toString());
            endingNotices.notifyEnding(); // once per placement
            var nothingLater = sentinel.fire();
            own.assertNothingBefore(nothingLater, endingOf(soon));
            other.assertNothingBefore(nothingLater, endingOf(soon).or(endingOf(later)));
        }
    }

    private static Predicate<Map<String, Object>> endingOf(long placement) {
        return m -> "placement.ending".equals(m.get("type")) && number(m.get("placementId")) == placement;
    }

    private static long placeUntil(Casework as, long program, LocalDate expectedEnd) {
        Http.Reply placed = as.http().post("/api/placements", Map.of("clientId", as.client(), "programId", program,
                "expectedEndDate", expectedEnd.toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.id();
    }

    private static List<Long> ids(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list().stream().map(p -> number(p.get("id"))).toList();
    }
}
