package org.harbour.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.harbour.testdata.WrittenBehind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.search.Searches.general;

/**
 * The counts' has_bed and region_code columns (V25) that bed requests search by, kept right through every
 * way counts and regions change; and a request recorded with its matches in one packet, or not at all.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookableIndexTest implements HarbourTest {

    private static final String REGION = "AB-SOUTH";
    private static final String OTHER_REGION = "BC-NORTH";

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http caseworker;
    Searches searches;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Index outreach"));
        searches = new Searches(fixtures, caseworker, REGION);
    }

    @Test
    void aProgramIsFoundExactlyWhileItHasABedToBook() {
        long program = searches.program(general(), 0);
        assertBookable(program, false);

        report(program, 2);
        assertBookable(program, true);

        long first = hold(program);
        assertBookable(program, true);
        long second = hold(program);
        assertBookable(program, false); // 2 available, 2 held

        assertThat(caseworker.delete("/api/holds/" + first).status()).isEqualTo(204);
        assertBookable(program, true);
        assertThat(caseworker.delete("/api/holds/" + second).status()).isEqualTo(204);
        report(program, 0);
        assertBookable(program, false);
        report(program, 1);
        assertBookable(program, true);
        assertEveryCountRowAgreesWithItsFacility();
    }

    @Test
    void aFacilityMovedToAnotherRegionIsSearchedThere() {
        FacilityBuilder facility = FacilityBuilder.defaultFacility().with("timeZone", "America/Edmonton");
        long program = searches.program(facility, general(), 3);
        long facilityId = ((Number) Sql.row("SELECT facility_id FROM programs WHERE id = ?", program)
                .get("facility_id")).longValue();
        assertListed(program, true);

        Http.Reply moved = fixtures.admin().put("/api/facilities/" + facilityId,
                facility.with("regionCode", OTHER_REGION).withProgram(general()).build());
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        assertListed(program, false);
        assertThat(new Searches(fixtures, caseworker, OTHER_REGION).matched(Map.of(), List.of(program)))
                .containsExactly(program);
        assertThat(Sql.row("SELECT region_code FROM availability WHERE program_id = ?", program))
                .containsEntry("region_code", OTHER_REGION);
        assertEveryCountRowAgreesWithItsFacility();
    }

    @Test
    void aProgramMovedToAnotherFacilityTakesThatFacilitysRegion() {
        long program = searches.program(general(), 2);
        long elsewhere = fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", OTHER_REGION)
                .withProgram(general())).id();
        // only the Toronto importer moves programs between facilities; the database follows it
        Sql.update("UPDATE programs SET facility_id = ? WHERE id = ?", elsewhere, program);
        assertThat(Sql.row("SELECT region_code FROM availability WHERE program_id = ?", program))
                .containsEntry("region_code", OTHER_REGION);
        assertListed(program, false);
        assertEveryCountRowAgreesWithItsFacility();
    }

    /**
     * A sort or a window function over rows that carry the intake JSON (a BLOB) makes MariaDB build its temporary
     * table on disk: 33 of a request's 37 ms at 10,000 programs once (issue 20). Neither a request nor the reading
     * of the programs it holds in memory (new programs here, so they are read again) may do that.
     */
    @Test
    void aBedRequestBuildsNoTemporaryTableOnDisk() {
        for (int i = 0; i < 3; i++) {
            searches.program(FacilityBuilder.defaultFacility().with("intakeHours", Searches.officeHours("MONDAY"))
                    .with("address", "1 Long Address Road, Unit " + i), general(), 2);
        }
        long before = diskTemporaryTables();
        Http.Reply found = caseworker.post("/api/bed-requests", Map.of("regionCode", REGION,
                "needs", Map.of("gender", "WOMAN", "age", 30), "admitNow", true));
        assertThat(found.status()).as(found.body()).isEqualTo(201);
        Http.Reply all = caseworker.post("/api/bed-requests", Map.of("regionCode", REGION, "needs", Map.of()));
        assertThat(all.status()).as(all.body()).isEqualTo(201);
        assertThat(((List<?>) all.map().get("matches"))).isNotEmpty();
        assertThat(diskTemporaryTables() - before).isZero();
    }

    private static long diskTemporaryTables() {
        return Sql.number("SELECT CAST(VARIABLE_VALUE AS UNSIGNED) FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'CREATED_TMP_DISK_TABLES'");
    }

    /**
     * A request without a client is answered first and written after, with the others waiting then, in one transaction
     * (issue 20). One whose matches the database refuses is never written without them, and costs no other request.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRequestIsNeverRecordedWithoutItsMatchesAndOneRefusedCostsNoOther() throws Exception {
        long poisoned = searches.program(general(), 4);
        // the matches INSERT fails for this one program: the request INSERT sent in the same packet must go too
        Sql.update("CREATE TRIGGER test_poisoned_match BEFORE INSERT ON bed_request_matches FOR EACH ROW"
                + " SET NEW.rank_order = IF(NEW.program_id = " + poisoned + ", NULL, NEW.rank_order)");
        long refused;
        List<Long> recorded = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // answered at once, as every request is; the write comes after, beside others' in the same batch
            List<Future<Http.Reply>> others = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                others.add(pool.submit(() -> searches.search(Map.of("regionCode", OTHER_REGION, "needs", Map.of()))));
            }
            refused = searches.search(Map.of("regionCode", REGION, "needs", Map.of())).id();
            for (Future<Http.Reply> other : others) {
                Http.Reply ok = other.get(30, TimeUnit.SECONDS);
                recorded.add(ok.id());
            }
            WrittenBehind.awaitAll();
        } finally {
            pool.shutdownNow();
            Sql.update("DROP TRIGGER test_poisoned_match");
        }
        assertThat(Sql.number("SELECT COUNT(*) FROM bed_requests WHERE id = ?", refused)).isZero();
        assertThat(Sql.number("SELECT COUNT(*) FROM bed_request_matches WHERE bed_request_id = ?", refused)).isZero();
        for (long id : recorded) {
            assertThat(Sql.number("SELECT COUNT(*) FROM bed_requests WHERE id = ?", id)).as("request " + id).isEqualTo(1);
        }

        // Later requests reuse the pool's connections: none of them may commit the refused request with theirs
        long last = recorded.stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Http.Reply ok = searches.search(Map.of("regionCode", OTHER_REGION, "needs", Map.of()));
            later.add(ok.id());
            WrittenBehind.awaitAll();
            assertThat(Sql.number("SELECT COUNT(*) FROM bed_request_matches WHERE bed_request_id = ?", ok.id()))
                    .isEqualTo(Math.min(50, ((List<?>) ok.map().get("matches")).size()));
        }
        assertThat(Sql.rows("SELECT id FROM bed_requests WHERE id > ?", Math.max(last, refused)))
                .extracting(r -> ((Number) r.get("id")).longValue()).containsExactlyInAnyOrderElementsOf(later);
        assertThat(Sql.number("SELECT COUNT(*) FROM bed_requests WHERE id = ?", refused)).isZero();

        // with the trigger gone the same request is recorded, its matches in rank order
        Http.Reply found = searches.search(Map.of("regionCode", REGION, "needs", Map.of()));
        List<Long> ranked = ((List<Map<String, Object>>) found.map().get("matches")).stream()
                .map(m -> ((Number) m.get("programId")).longValue()).limit(50).toList();
        assertThat(ranked).contains(poisoned);
        WrittenBehind.awaitAll();
        assertThat(Sql.rows("SELECT program_id FROM bed_request_matches WHERE bed_request_id = ? ORDER BY rank_order",
                found.id())).extracting(r -> ((Number) r.get("program_id")).longValue()).containsExactlyElementsOf(ranked);
    }

    @Test
    void aRequestForAClientIsRecordedWithItsMatchesAndAudited() {
        long program = searches.program(general(), 1);
        long clientId = caseworker.post("/api/clients", Map.of("alias", "IX-1", "needs", Map.of())).id();
        Http.Reply reply = searches.search(Map.of("clientId", clientId, "regionCode", REGION, "needs", Map.of()));
        assertThat(Sql.row("SELECT client_id, match_count FROM bed_requests WHERE id = ?", reply.id()))
                .containsEntry("client_id", clientId)
                .containsEntry("match_count", ((List<?>) reply.map().get("matches")).size());
        assertThat(Sql.rows("SELECT program_id FROM bed_request_matches WHERE bed_request_id = ?", reply.id()))
                .extracting(r -> ((Number) r.get("program_id")).longValue()).contains(program);
        assertThat(Sql.number("SELECT COUNT(*) FROM audit_log WHERE action = 'BED_REQUEST' AND object_id = ?",
                clientId)).isEqualTo(1);
    }

    /** Found in its region's search exactly when it has a bed, and the stored flag says the same. */
    private void assertBookable(long program, boolean bookable) {
        assertListed(program, bookable);
        assertThat(Sql.row("SELECT has_bed FROM availability WHERE program_id = ?", program).get("has_bed"))
                .isEqualTo(bookable);
    }

    private void assertListed(long program, boolean listed) {
        List<Long> found = searches.matched(Map.of(), List.of(program));
        assertThat(found).as("program %d listed", program).isEqualTo(listed ? List.of(program) : List.of());
    }

    private static void assertEveryCountRowAgreesWithItsFacility() {
        assertThat(Sql.rows("""
                SELECT a.program_id FROM availability a
                  JOIN programs p ON p.id = a.program_id JOIN facilities f ON f.id = p.facility_id
                 WHERE a.region_code <> f.region_code OR a.has_bed <> (a.available - a.held > 0)""")).isEmpty();
    }

    private void report(long program, int available) {
        assertThat(fixtures.admin().put("/api/programs/" + program + "/availability", Map.of("available", available))
                .status()).isEqualTo(200);
    }

    private long hold(long program) {
        Http.Reply hold = caseworker.post("/api/programs/" + program + "/holds",
                Map.of("clientId", Fixtures.clientOf(caseworker), "minutes", 15));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return hold.id();
    }
}
