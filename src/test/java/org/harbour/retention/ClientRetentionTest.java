package org.harbour.retention;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.OnPrivateDatabase;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.SqlAt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 item 8: client records go a set time after the person's last placement ended; what funders'
 * reports read stays de-identified, so every report gives the same figures before and after, and the purge
 * is audited as counts. On a database of its own: the purge reaches every client in the database.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ClientRetentionTest extends OnPrivateDatabase {

    static final Instant START = Instant.parse("2023-03-01T15:00:00Z");
    static final Instant PURGE = Instant.parse("2025-06-01T12:00:00Z"); // cutoff 730 days back: 2023-06-02
    static final List<String> REPORTS = List.of(
            "/api/reports/capacity?from=2023-01-01&to=2024-12-31&groupBy=region",
            "/api/reports/capacity?from=2023-01-01&to=2024-12-31&groupBy=type",
            "/api/reports/capacity?from=2023-01-01&to=2024-12-31&groupBy=population",
            "/api/reports/capacity?from=2023-01-01&to=2024-12-31&groupBy=month",
            "/api/reports/turnaways?from=2023-01-01&to=2024-12-31");

    @Inject
    MutableClock clock;
    @Inject
    ClientRetention retention;
    @Inject
    ApplicationContext context;

    Fixtures fixtures;
    Http admin;
    Http caseworker;
    long shelter;
    long hotel;

    @Override
    protected String databaseName() {
        return "retention-mariadb";
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("harbour.test.mutable-clock", "true", "harbour.hold-expiry-interval", "1h");
    }

    @BeforeAll
    void network() {
        clock.set(START);
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        caseworker = fixtures.caseworker(Fixtures.unique("Retention Outreach"));
        shelter = fixtures.facilityWithBeds(10, 0).programId();
        hotel = fixtures.facility(FacilityBuilder.defaultFacility().withProgram(ProgramBuilder.defaultProgram()
                .with("type", "HOTEL_MOTEL").with("nightlyCost", 120).withCapacity(30))).programId();
        assertThat(admin.put("/api/programs/" + hotel + "/availability", Map.of("available", 30)).status()).isEqualTo(200);
    }

    @Test
    void clientsGoAfterTheirLastPlacementAndReportsKeepTheirFigures() {
        SqlAt sql = database.sql();
        List<Long> due = new ArrayList<>();
        List<String> dueAliases = new ArrayList<>();
        for (int i = 0; i < 7; i++) { // placed from a waitlist, moved to a hotel, housed: all in spring 2023
            clock.set(START.plus(Duration.ofDays(3L * i)));
            String alias = Fixtures.unique("RET-OLD");
            due.add(journey(alias, 5));
            dueAliases.add(alias);
        }
        clock.set(START);
        String neverPlaced = Fixtures.unique("RET-NEVER");
        due.add(client(neverPlaced)); // never placed, nothing since 2023: due too
        dueAliases.add(neverPlaced);

        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // last placement ended in 2024: within 730 days of the purge
            clock.set(Instant.parse("2024-01-10T15:00:00Z").plus(Duration.ofDays(3L * i)));
            kept.add(journey(Fixtures.unique("RET-RECENT"), 5));
        }
        clock.set(START.plus(Duration.ofDays(40)));
        long stillPlaced = client(Fixtures.unique("RET-ACTIVE"));
        assertThat(admin.put("/api/programs/" + hotel + "/availability", Map.of("available", 20)).status()).isEqualTo(200);
        created(caseworker.post("/api/placements", Map.of("clientId", stillPlaced, "programId", hotel)));
        kept.add(stillPlaced);
        long stillWaiting = client(Fixtures.unique("RET-WAITING"));
        long full = fixtures.facilityWithBeds(1, 0).programId();
        created(caseworker.post("/api/waitlist", Map.of("clientId", stillWaiting, "programId", full)));
        kept.add(stillWaiting);

        clock.set(PURGE);
        Map<String, Object> before = reports();
        long placementsBefore = sql.number("SELECT COUNT(*) FROM placements");

        ClientRetention.Run run = retention.purge();

        assertThat(reports()).as("every report, figure for figure").isEqualTo(before);
        assertThat(run.clientsRemoved()).isEqualTo(due.size());
        assertThat(run.placementsDeidentified()).isEqualTo(14); // 7 people x (shelter + hotel)
        assertThat(run.waitlistEntriesDeidentified()).isEqualTo(7);
        assertThat(run.bedRequestsUnlinked()).isEqualTo(7);
        System.out.printf("RETENTION: %s; %d of %d clients kept; %d reports identical before and after%n",
                run, kept.size(), due.size() + kept.size(), REPORTS.size());

        for (long id : due) {
            assertThat(caseworker.get("/api/clients/" + id).status()).isEqualTo(404);
            for (String table : List.of("placements", "waitlist_entries", "holds", "bed_requests")) {
                assertThat(sql.number("SELECT COUNT(*) FROM " + table + " WHERE client_id = ?", id)).as(table).isZero();
            }
        }
        for (long id : kept) {
            assertThat(caseworker.get("/api/clients/" + id).status()).isEqualTo(200);
        }
        assertThat(sql.number("SELECT COUNT(*) FROM placements")).isEqualTo(placementsBefore);
        assertThat(sql.number("SELECT COUNT(*) FROM placements WHERE client_id < 0")).isEqualTo(14);
        assertThat(sql.number("SELECT COUNT(DISTINCT client_id) FROM placements WHERE client_id < 0")).as("one subject per person").isEqualTo(7);
        // no alias survives anywhere
        for (String alias : dueAliases) {
            assertThat(sql.number("SELECT COUNT(*) FROM events WHERE payload LIKE ?", "%" + alias + "%")).isZero();
            assertThat(sql.number("SELECT COUNT(*) FROM clients WHERE alias = ?", alias)).isZero();
        }
        // audited as counts
        assertThat(sql.rows("SELECT username, object_type, object_id FROM audit_log WHERE action = 'RETENTION_PURGE'"))
                .containsExactly(Map.of("username", "system", "object_type", "RETENTION_RUN",
                        "object_id", sql.number("SELECT id FROM retention_runs")));
        assertThat(sql.rows("SELECT clients_removed, placements_deidentified, client_days FROM retention_runs"))
                .containsExactly(Map.of("clients_removed", due.size(), "placements_deidentified", 14, "client_days", 730));

        // nothing more is due: a second run changes nothing and records nothing
        assertThat(retention.purge().clientsRemoved()).isZero();
        assertThat(sql.number("SELECT COUNT(*) FROM retention_runs")).isEqualTo(1);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void theDailyRunIsOnByDefaultAndASettingTurnsItOff() {
        assertThat(context.containsBean(RetentionSchedule.class)).isTrue();
        Map<String, Object> off = new HashMap<>(getProperties());
        off.put("harbour.retention.enabled", "false");
        try (ApplicationContext disabled = ApplicationContext.builder().properties(off).start()) {
            assertThat(disabled.containsBean(RetentionSchedule.class)).isFalse();
            assertThat(disabled.containsBean(ClientRetention.class)).isTrue();
        }
    }

    /** A person's stay: waitlist, offer, placement with the offer's hold, a move to a hotel, housed. */
    private long journey(String alias, int waitDays) {
        long client = client(alias);
        created(caseworker.post("/api/bed-requests", Map.of("clientId", client, "needs", Map.of())));
        assertThat(admin.put("/api/programs/" + shelter + "/availability", Map.of("available", 0)).status()).isEqualTo(200);
        long entry = created(caseworker.post("/api/waitlist", Map.of("clientId", client, "programId", shelter)));
        clock.advance(Duration.ofDays(waitDays));
        assertThat(admin.put("/api/programs/" + shelter + "/availability", Map.of("available", 1)).status()).isEqualTo(200);
        Number hold = (Number) caseworker.get("/api/waitlist?programId=" + shelter).list().stream()
                .filter(e -> ((Number) e.get("id")).longValue() == entry).findFirst().orElseThrow().get("holdId");
        Map<String, Object> place = new LinkedHashMap<>(Map.of("clientId", client, "programId", shelter, "holdId", hold.longValue()));
        long placement = created(caseworker.post("/api/placements", place));
        clock.advance(Duration.ofDays(10));
        long moved = created(caseworker.post("/api/placements/" + placement + "/move",
                Map.of("toProgramId", hotel, "reason", "MAX_STAY_REACHED")));
        clock.advance(Duration.ofDays(5));
        assertThat(caseworker.post("/api/placements/" + moved + "/end", Map.of("reason", "HOUSED")).status()).isEqualTo(200);
        return client;
    }

    private long client(String alias) {
        return created(caseworker.post("/api/clients", Map.of("alias", alias, "birthYear", 1999, "gender", "WOMAN", "needs", Map.of())));
    }

    private Map<String, Object> reports() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String report : REPORTS) {
            Http.Reply reply = admin.get(report);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            all.put(report, reply.body());
        }
        return all;
    }

    private static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }
}
