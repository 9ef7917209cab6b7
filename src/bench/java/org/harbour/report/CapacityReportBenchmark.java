package org.harbour.report;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.availability.NightBackfill;
import org.harbour.platform.EmbeddedDatabase;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report times over a year of 137 programs (50,142 program-nights): half imported nightly, half with
 * three staff changes a day; 20,000 bed requests, 2,000 clients with 6,000 placements and their waits.
 * Not part of the suite (the name does not end in Test); run it on its own:
 * {@code mvn -q -B -o -Pbench test -DskipTests=false -Dtest=CapacityReportBenchmark -Dui.skip=true} (add
 * {@code -Dbench.imported-only=true} for one imported row per program-night), then read
 * target/surefire-reports/org.harbour.report.CapacityReportBenchmark-output.txt.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityReportBenchmark implements HarbourTest {

    private static final int PROGRAMS = 137;
    private static final String YEAR = "from=2024-01-01&to=2024-12-31";
    private static final String[] TYPES = {"EMERGENCY_SHELTER", "DV_SHELTER", "YOUTH_SHELTER", "SAFE_HOUSE",
            "HOTEL_MOTEL", "TRANSITIONAL_HOUSING", "DETOX", "TREATMENT", "RESPITE"};
    private static final String[] POPULATIONS = {"WOMEN", "MEN", "MIXED_ADULT", "YOUTH", "FAMILIES"};

    @Inject
    EmbeddedServer server;
    @Inject
    CapacityReport report;
    @Inject
    NightBackfill backfill;

    Http funder;
    String programIds;

    @BeforeAll
    void generate() throws SQLException {
        Fixtures fixtures = new Fixtures(server.getURI());
        funder = fixtures.funder();
        List<Long> ids = new ArrayList<>();
        for (int f = 0; ids.size() < PROGRAMS; f++) {
            boolean west = f % 2 == 1;
            FacilityBuilder facility = FacilityBuilder.defaultFacility().with("regionCode", west ? "BC-ISLAND" : "AB-NORTH")
                    .with("timeZone", west ? "America/Vancouver" : "America/Edmonton");
            for (int p = 0; p < 10 && ids.size() + p < PROGRAMS; p++) {
                int n = ids.size() + p;
                facility.withProgram(ProgramBuilder.defaultProgram().with("type", TYPES[n % TYPES.length])
                        .with("population", POPULATIONS[n % POPULATIONS.length])
                        .with("capacityType", n % 4 == 0 ? "ROOM" : "BED").withCapacity(10 + n % 50));
            }
            ids.addAll(fixtures.facility(facility).programIds());
        }
        programIds = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        long start = System.nanoTime();
        history();
        requests();
        placements();
        // rows written by SQL here carry no night; Harbour's writers store it (V16), so store it as they would
        long backfilling = System.nanoTime();
        System.out.printf("stored the night of %d rows in %d ms%n", backfill.fill(),
                (System.nanoTime() - backfilling) / 1_000_000);
        System.out.printf("generated in %d ms: %d program-nights, %d history rows, %d requests, %d placements, %d waits%n",
                (System.nanoTime() - start) / 1_000_000, PROGRAMS * 366,
                Sql.count("availability_history"), Sql.count("bed_requests"), Sql.count("placements"),
                Sql.count("waitlist_entries"));
        try (Connection connection = connect()) {
            connection.createStatement().execute(
                    "ANALYZE TABLE availability_history, bed_requests, placements, waitlist_entries, programs, facilities");
        }
    }

    /**
     * Even programs: one IMPORT row a night (05:30Z, inside the night's window). Odd: three STAFF changes a
     * day, or, with -Dbench.imported-only=true, imported nightly too (the shape of Toronto's open data).
     */
    private void history() {
        boolean importedOnly = Boolean.getBoolean("bench.imported-only");
        Sql.update("""
                INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied,
                                                  version, changed_at, changed_by, source)
                SELECT p.id, p.capacity, MOD(s.seq * 7 + p.id, p.capacity), 0, MOD(s.seq, 3) = 0,
                       p.capacity - MOD(s.seq * 7 + p.id, p.capacity) - (MOD(s.seq, 3) = 0), s.seq,
                       TIMESTAMP('2024-01-01') + INTERVAL s.seq DAY + INTERVAL 1770 MINUTE, 'bench', 'IMPORT'
                  FROM JSON_TABLE(?, '$[*]' COLUMNS (idx FOR ORDINALITY, id BIGINT PATH '$')) b
                  JOIN programs p ON p.id = b.id
                  JOIN seq_0_to_365 s
                 WHERE MOD(b.idx, 2) = 0 OR ?""", programIds, importedOnly);
        if (importedOnly) {
            return;
        }
        Sql.update("""
                INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied,
                                                  version, changed_at, changed_by, source)
                SELECT p.id, p.capacity, MOD(s.seq * 7 + p.id, p.capacity), 0, MOD(s.seq, 5) = 0,
                       p.capacity - MOD(s.seq * 7 + p.id, p.capacity) - (MOD(s.seq, 5) = 0), s.seq,
                       TIMESTAMP('2024-01-01') + INTERVAL s.seq DIV 3 DAY
                           + INTERVAL ELT(MOD(s.seq, 3) + 1, 15, 22, 27) HOUR, 'bench', 'STAFF'
                  FROM JSON_TABLE(?, '$[*]' COLUMNS (idx FOR ORDINALITY, id BIGINT PATH '$')) b
                  JOIN programs p ON p.id = b.id
                  JOIN seq_0_to_1097 s
                 WHERE MOD(b.idx, 2) = 1""", programIds);
    }

    private void requests() {
        Sql.update("""
                INSERT INTO bed_requests (id, organization_id, user_id, client_id, region_code, types, needs, admit_now,
                                          match_count, unmet, created_at)
                SELECT b.next_id + s.seq, NULL, 1, NULL, ELT(MOD(s.seq, 3) + 1, 'AB-NORTH', 'BC-ISLAND', NULL),
                       ELT(MOD(s.seq, 4) + 1, 'DV_SHELTER', 'HOTEL_MOTEL,DV_SHELTER', NULL, 'DETOX'),
                       JSON_OBJECT('gender', ELT(MOD(s.seq, 4) + 1, 'WOMAN', 'MAN', 'NON_BINARY', NULL),
                                   'age', 15 + MOD(s.seq, 50), 'children', MOD(s.seq, 7) = 0),
                       FALSE, MOD(s.seq, 4) <> 0, MOD(s.seq, 4) = 0,
                       TIMESTAMP('2024-01-01') + INTERVAL s.seq * 1581 SECOND
                  FROM seq_0_to_19999 s
                  JOIN id_blocks b ON b.name = 'bed_requests'""");
        // ids are taken from id_blocks (V32), as the service takes them
        Sql.update("UPDATE id_blocks SET next_id = GREATEST(next_id, (SELECT MAX(id) + 1 FROM bed_requests))"
                + " WHERE name = 'bed_requests'");
    }

    /** Three placements a client: a move one night after the first ends, then a new episode. */
    private void placements() {
        Sql.update("INSERT IGNORE INTO organizations (name) VALUES ('Benchmark Outreach')");
        long org = Sql.number("SELECT id FROM organizations WHERE name = 'Benchmark Outreach'");
        Sql.update("""
                INSERT INTO clients (organization_id, alias, needs, created_by, created_at, updated_at)
                SELECT ?, CONCAT('B-', seq), '{}', 1, '2024-01-01', '2024-01-01' FROM seq_1_to_2000""", org);
        Sql.update("""
                INSERT INTO placements (client_id, program_id, organization_id, start_date, end_date, end_reason,
                                        status, nightly_cost, created_by, created_at)
                SELECT st.id, b.id, ?, st.start_date, st.start_date + INTERVAL 8 DAY, 'OTHER', 'ENDED', 100.00, 1,
                       TIMESTAMP(st.start_date, '12:00:00')
                  FROM (SELECT c.id, c.n, k.seq,
                               DATE('2024-01-01') + INTERVAL (MOD(c.n * 37, 300) + k.seq * 9 + (k.seq = 2) * 7) DAY
                                 AS start_date
                          FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM clients
                                 WHERE organization_id = ?) c
                          JOIN seq_0_to_2 k) st
                  JOIN JSON_TABLE(?, '$[*]' COLUMNS (idx FOR ORDINALITY, id BIGINT PATH '$')) b
                    ON b.idx = 1 + MOD(st.n + st.seq * 5, ?)""", org, org, programIds, PROGRAMS);
        Sql.update("""
                INSERT INTO waitlist_entries (client_id, organization_id, type, region_code, priority, status,
                                              created_at, closed_at)
                SELECT x.client_id, x.organization_id, 'TRANSITIONAL_HOUSING', 'AB-NORTH', 3, 'PLACED',
                       x.created_at - INTERVAL MOD(x.client_id, 20) DAY, x.created_at
                  FROM placements x
                 WHERE x.organization_id = ? AND x.created_at = (SELECT MIN(y.created_at) FROM placements y
                                                                  WHERE y.client_id = x.client_id)""", org);
    }

    @Test
    void everyGroupingOverAYear() throws SQLException, java.io.IOException {
        List<String> lines = new ArrayList<>();
        for (String groupBy : List.of("region", "type", "population", "month")) {
            for (String filter : List.of("", "&regionCode=AB-NORTH")) {
                String query = "groupBy=" + groupBy + "&" + YEAR + filter;
                long[] times = new long[7];
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    Http.Reply reply = funder.get("/api/reports/capacity?" + query);
                    times[i] = (System.nanoTime() - start) / 1_000_000;
                    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                }
                long[] timed = Arrays.copyOfRange(times, 2, times.length); // two warm-ups
                Arrays.sort(timed);
                lines.add(String.format("%-52s median %4d ms, max %4d ms", query, timed[timed.length / 2],
                        timed[timed.length - 1]));
            }
        }
        lines.forEach(System.out::println);
        System.out.println("load average: " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        for (Grouping grouping : Grouping.values()) {
            explain("groupBy=" + grouping.name().toLowerCase(), grouping);
        }
    }

    /** Each statement's own time and its plan, to see where the time goes. */
    private void explain(String label, Grouping grouping) throws SQLException {
        CapacityQuery q = CapacityQuery.parse("2024-01-01", "2024-12-31", grouping.name(), null, null, null, null,
                code -> true);
        try (Connection connection = connect()) {
            for (CapacityReport.Statement statement : report.statements(q)) {
                long[] times = new long[3];
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    run(connection, statement.query().sql(), statement.query().params(), false);
                    times[i] = (System.nanoTime() - start) / 1_000_000;
                }
                Arrays.sort(times);
                System.out.printf("%n%s %s: median %d ms%n", label, statement.name(), times[1]);
                if (grouping == Grouping.TYPE) {
                    run(connection, "EXPLAIN " + statement.query().sql(), statement.query().params(), true);
                }
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.get().jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    private static void run(Connection connection, String sql, List<Object> params, boolean print) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    if (print) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            line.append(meta.getColumnLabel(c)).append('=').append(rs.getString(c)).append(' ');
                        }
                        System.out.println("  " + line);
                    }
                }
            }
        }
    }
}
