package org.harbour.importer;

import com.mysql.cj.jdbc.JdbcConnection;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.platform.EmbeddedDatabase;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/** API.md "Importing open data": the City of Toronto daily occupancy file, on a real three-night extract. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TorontoOccupancyImportTest implements HarbourTest {

    static final String ROUTE = "/api/imports/toronto-occupancy";
    static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void theExtractImportsEveryRowAsFacilitiesProgramsAndNightsCountedFromTheFileItself() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        List<Map<String, String>> rows = OpenData.rows(csv);

        Map<String, Object> summary = importOk(csv);

        assertThat(summary).containsEntry("rows", rows.size())
                .containsEntry("facilities", distinct(rows, "LOCATION_ID"))
                .containsEntry("programs", distinct(rows, "PROGRAM_ID"))
                .containsEntry("nights", 3)
                .containsEntry("skipped", List.of());
        for (String programId : rows.stream().map(r -> r.get("PROGRAM_ID")).distinct().toList()) {
            long nights = rows.stream().filter(r -> r.get("PROGRAM_ID").equals(programId)).count();
            assertThat(Sql.number("""
                    SELECT COUNT(*) FROM availability_history h JOIN programs p ON p.id = h.program_id
                     WHERE p.external_ref = ? AND h.source = 'IMPORT' AND RIGHT(h.import_key, 10) BETWEEN '2024-01-01' AND '2024-01-03'""",
                    "toronto-program:" + programId)).as("nights of program " + programId).isEqualTo(nights);
        }
        assertThat(Sql.number("""
                SELECT COUNT(*) FROM availability a JOIN programs p ON p.id = a.program_id
                 WHERE p.external_ref LIKE 'toronto-program:%'""")).as("no live counts for imported programs").isZero();
    }

    @Test
    void historyRowsCarryTheNightsNumbersAtElevenPmTorontoTime() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        importOk(csv);
        List<Map<String, String>> rows = OpenData.rows(csv);
        Map<String, String> bed = first(rows, r -> r.get("CAPACITY_TYPE").equals("Bed Based Capacity")
                && !r.get("UNAVAILABLE_BEDS").equals("0"));
        Map<String, String> room = first(rows, r -> r.get("CAPACITY_TYPE").equals("Room Based Capacity")
                && !r.get("UNAVAILABLE_ROOMS").equals("0"));
        Map<String, String> lastNight = first(rows, r -> r.get("OCCUPANCY_DATE").equals("2024-01-03")
                && r.get("SECTOR").equals("Youth"));

        for (var sample : List.of(Map.entry(bed, "BED"), Map.entry(room, "ROOM"), Map.entry(lastNight, unitOf(lastNight)))) {
            Map<String, String> row = sample.getKey();
            String unit = sample.getValue();
            int actual = Integer.parseInt(row.get("CAPACITY_ACTUAL_" + unit));
            int unavailable = Integer.parseInt(row.get("UNAVAILABLE_" + unit + "S"));
            Map<String, Object> history = Db.row("""
                    SELECT h.capacity, h.available, h.held, h.out_of_service, h.occupied, h.version, h.source, h.changed_by,
                           DATE_FORMAT(h.changed_at, '%Y-%m-%d %H:%i:%s') AS changed_at
                      FROM availability_history h WHERE h.import_key = ?""",
                    "toronto:" + row.get("PROGRAM_ID") + ":" + row.get("OCCUPANCY_DATE"));
            assertThat(history).as(row.toString())
                    .containsEntry("capacity", actual + unavailable)
                    .containsEntry("available", Integer.parseInt(row.get("UNOCCUPIED_" + unit + "S")))
                    .containsEntry("out_of_service", unavailable)
                    .containsEntry("occupied", Integer.parseInt(row.get("OCCUPIED_" + unit + "S")))
                    .containsEntry("held", 0).containsEntry("version", 0L)
                    .containsEntry("source", "IMPORT").containsEntry("changed_by", "import:toronto-occupancy")
                    .containsEntry("changed_at", LocalDate.parse(row.get("OCCUPANCY_DATE")).atTime(23, 0)
                            .atZone(ZoneId.of("America/Toronto")).withZoneSameInstant(ZoneOffset.UTC).format(SQL_TIME));
        }
        assertThat(Db.row("SELECT DATE_FORMAT(changed_at, '%Y-%m-%d %H:%i:%s') AS t FROM availability_history WHERE import_key = ?",
                "toronto:" + bed.get("PROGRAM_ID") + ":2024-01-01").get("t")).as("EST: 04:00 UTC the next day")
                .isEqualTo("2024-01-02 04:00:00");
    }

    @Test
    void torontosOwnQuirksKeepTheirMeaning() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        importOk(csv);
        List<Map<String, String>> rows = OpenData.rows(csv);
        // Over funded capacity: UNAVAILABLE_BEDS is FUNDING - ACTUAL = -1; no bed is out of service then.
        Map<String, String> overFunded = first(rows, r -> r.get("UNAVAILABLE_BEDS").startsWith("-"));
        assertThat(Db.row("SELECT capacity, out_of_service, occupied, available FROM availability_history WHERE import_key = ?",
                "toronto:" + overFunded.get("PROGRAM_ID") + ":" + overFunded.get("OCCUPANCY_DATE")))
                .containsEntry("capacity", Integer.parseInt(overFunded.get("CAPACITY_ACTUAL_BED")))
                .containsEntry("out_of_service", 0)
                .containsEntry("occupied", Integer.parseInt(overFunded.get("OCCUPIED_BEDS")))
                .containsEntry("available", Integer.parseInt(overFunded.get("UNOCCUPIED_BEDS")));
        // An undisclosed location (a women's shelter): no name, no address; the shelter group names it.
        Map<String, String> undisclosed = first(rows, r -> r.get("LOCATION_NAME").isBlank());
        assertThat(Db.row("SELECT name, address, municipality FROM facilities WHERE external_ref = ?",
                "toronto-location:" + undisclosed.get("LOCATION_ID")))
                .containsEntry("name", undisclosed.get("SHELTER_GROUP")).containsEntry("address", null)
                .containsEntry("municipality", "Toronto");
    }

    @Test
    void facilitiesAndProgramsAreMappedAsApiMdSays() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        importOk(csv);
        List<Map<String, String>> rows = OpenData.rows(csv);
        Map<String, String> hotel = first(rows, r -> r.get("OVERNIGHT_SERVICE_TYPE").equals("Motel/Hotel Shelter"));
        Map<String, String> latestHotelNight = rows.stream()
                .filter(r -> r.get("PROGRAM_ID").equals(hotel.get("PROGRAM_ID")))
                .max(Comparator.comparing(r -> r.get("OCCUPANCY_DATE"))).orElseThrow();

        Map<String, Object> program = Db.row("""
                SELECT p.name, p.type, p.population, p.capacity_type, p.capacity, p.genders, p.min_age, p.max_age,
                       p.substance_use, p.languages, f.name AS facility, f.region_code, f.municipality, f.time_zone,
                       f.address, f.confidential, f.intake_always_open, f.external_ref, o.name AS organization
                  FROM programs p JOIN facilities f ON f.id = p.facility_id JOIN organizations o ON o.id = f.organization_id
                 WHERE p.external_ref = ?""", "toronto-program:" + hotel.get("PROGRAM_ID"));
        String unit = unitOf(hotel);
        assertThat(program)
                .containsEntry("name", hotel.get("PROGRAM_NAME"))
                .containsEntry("type", "HOTEL_MOTEL")
                .containsEntry("capacity_type", unit)
                .containsEntry("capacity", Integer.parseInt(latestHotelNight.get("CAPACITY_ACTUAL_" + unit))
                        + Integer.parseInt(latestHotelNight.get("UNAVAILABLE_" + unit + "S")))
                .containsEntry("substance_use", "HARM_REDUCTION").containsEntry("languages", "en")
                .containsEntry("facility", hotel.get("LOCATION_NAME").trim())
                .containsEntry("organization", hotel.get("ORGANIZATION_NAME"))
                .containsEntry("region_code", "ON-CENTRAL").containsEntry("time_zone", "America/Toronto")
                .containsEntry("municipality", hotel.get("LOCATION_CITY").isEmpty() ? "Toronto" : hotel.get("LOCATION_CITY"))
                .containsEntry("confidential", false).containsEntry("intake_always_open", true)
                .containsEntry("external_ref", "toronto-location:" + hotel.get("LOCATION_ID"));

        Map<String, String> women = first(rows, r -> r.get("SECTOR").equals("Women")
                && r.get("OVERNIGHT_SERVICE_TYPE").equals("Shelter") && r.get("PROGRAM_MODEL").equals("Emergency"));
        assertThat(programRow(women)).containsEntry("population", "WOMEN").containsEntry("type", "EMERGENCY_SHELTER")
                .containsEntry("genders", "WOMAN,TRANS_WOMAN");
        Map<String, String> youth = first(rows, r -> r.get("SECTOR").equals("Youth")
                && r.get("OVERNIGHT_SERVICE_TYPE").equals("Shelter") && r.get("PROGRAM_MODEL").equals("Emergency"));
        assertThat(programRow(youth)).containsEntry("population", "YOUTH").containsEntry("type", "YOUTH_SHELTER")
                .containsEntry("min_age", 16).containsEntry("max_age", 24);
        Map<String, String> transitional = first(rows, r -> r.get("PROGRAM_MODEL").equals("Transitional")
                && r.get("OVERNIGHT_SERVICE_TYPE").equals("Shelter"));
        assertThat(programRow(transitional)).containsEntry("type", "TRANSITIONAL_HOUSING");
        Map<String, String> respite = first(rows, r -> r.get("OVERNIGHT_SERVICE_TYPE").equals("24-Hour Respite Site"));
        assertThat(programRow(respite)).containsEntry("type", "RESPITE");
        Map<String, String> men = first(rows, r -> r.get("SECTOR").equals("Men"));
        assertThat(programRow(men)).containsEntry("population", "MEN").containsEntry("genders", "MAN,TRANS_MAN");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        Map<String, Object> first = importOk(csv);
        Map<String, Object> before = checksums();

        Map<String, Object> second = importOk(csv);

        assertThat(second).isEqualTo(first);
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void badRowsAreSkippedWithTheirLineAndReasonAndTheGoodOnesImported() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        List<String> lines = csv.lines().toList();
        String good = lines.get(1).replaceFirst(",2024-01-01,", ",2023-12-30,"); // a night no other test imports
        String other = lines.get(2).replaceFirst(",2024-01-01,", ",2023-12-30,");
        String body = String.join("\n", List.of(
                lines.get(0),                                              // 1 header
                good,                                                      // 2
                good.replaceFirst(",2023-12-30,", ",2023-13-01,"),          // 3 bad date
                replaceColumn(good, 14, "Seniors"),                        // 4 unknown sector
                replaceColumn(good, 27, "-1"),                             // 5 negative OCCUPIED_ROOMS
                replaceColumn(good, 27, "many"),                           // 6 non-numeric
                replaceColumn(good, 27, ""),                               // 7 missing
                good + ",extra",                                           // 8 33 columns
                other,                                                     // 9
                "1,2023-12-30,\"unterminated")) + "\n";                    // 10: the rest cannot be read

        Map<String, Object> summary = importOk(body);

        assertThat(summary).containsEntry("rows", 2).containsEntry("nights", 1);
        assertThat(skippedLines(summary)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 10L);
        assertThat(reasons(summary)).satisfiesExactly(
                r -> assertThat(r).contains("OCCUPANCY_DATE"),
                r -> assertThat(r).contains("SECTOR", "Seniors"),
                r -> assertThat(r).contains("OCCUPIED_ROOMS", "negative"),
                r -> assertThat(r).contains("OCCUPIED_ROOMS", "not a whole number"),
                r -> assertThat(r).contains("OCCUPIED_ROOMS", "missing"),
                r -> assertThat(r).contains("32 columns", "33"),
                r -> assertThat(r).contains("malformed"));
        for (String line : List.of(good, other)) {
            String programId = line.split(",")[12];
            assertThat(Sql.number("SELECT COUNT(*) FROM availability_history WHERE import_key = ?",
                    "toronto:" + programId + ":2023-12-30")).as(line).isEqualTo(1);
        }
    }

    @Test
    void aNightOutsideTheDateWindowOrTextWithAControlCharacterSkipsItsRowOnly() {
        List<String> lines = OpenData.resource(OpenData.OCCUPANCY_EXTRACT).lines().toList();
        String good = lines.get(1).replaceFirst(",2024-01-01,", ",2023-12-29,"); // a night no other test imports
        String body = String.join("\n", List.of(
                lines.get(0),                                                  // 1 header
                good,                                                          // 2
                good.replaceFirst(",2023-12-29,", ",2101-01-01,"),              // 3 after the window
                good.replaceFirst(",2023-12-29,", ",1999-12-31,"),              // 4 before it
                good.replaceFirst(",2023-12-29,", ",9999-12-31,"),              // 5 far after it
                replaceColumn(good, 7, "Hotel\u0000Dixon"),                    // 6 NUL in LOCATION_NAME
                replaceColumn(good, 13, "\u202EnoxiD letoH"),                  // 7 a bidi override in PROGRAM_NAME
                replaceColumn(good, 8, "640\tDixon Rd."))) + "\n";             // 8 a tab in LOCATION_ADDRESS

        Map<String, Object> summary = importOk(body);

        assertThat(summary).containsEntry("rows", 1).containsEntry("nights", 1);
        assertThat(skippedLines(summary)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(reasons(summary)).satisfiesExactly(
                r -> assertThat(r).contains("OCCUPANCY_DATE", "between 2000-01-01 and 2100-12-31", "2101-01-01"),
                r -> assertThat(r).contains("OCCUPANCY_DATE", "between 2000-01-01 and 2100-12-31", "1999-12-31"),
                r -> assertThat(r).contains("OCCUPANCY_DATE", "between 2000-01-01 and 2100-12-31", "9999-12-31"),
                r -> assertThat(r).contains("LOCATION_NAME", "control characters"),
                r -> assertThat(r).contains("PROGRAM_NAME", "control characters"),
                r -> assertThat(r).contains("LOCATION_ADDRESS", "control characters"));
        String programId = good.split(",")[12];
        assertThat(Sql.number("SELECT COUNT(*) FROM availability_history WHERE import_key = ?",
                "toronto:" + programId + ":2023-12-29")).isEqualTo(1);
        assertThat(Sql.number("SELECT COUNT(*) FROM availability_history WHERE import_key IN (?, ?, ?)",
                "toronto:" + programId + ":2101-01-01", "toronto:" + programId + ":1999-12-31",
                "toronto:" + programId + ":9999-12-31")).as("no night outside the window").isZero();
    }

    @Test
    void onlyAnAdminImports() {
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        long facilityId = fixtures.facilityWithBeds(3, 1).id();

        for (Http caller : List.of(fixtures.funder(), fixtures.caseworker("Street Outreach Toronto"), fixtures.staffOf(facilityId))) {
            assertProblem(caller.send("POST", ROUTE, csv, "text/csv"), 403);
        }
        assertProblem(fixtures.anonymous().send("POST", ROUTE, csv, "text/csv"), 401);
    }

    @Test
    void aBodyThatIsNotCsvIs415AndAFileWithoutTheHeaderIs400() {
        Http admin = fixtures.admin();
        String csv = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        assertThat(admin.send("POST", ROUTE, csv, "text/csv; charset=UTF-8").status()).isEqualTo(200);
        assertThat(admin.send("POST", ROUTE, csv, "application/csv").status()).isEqualTo(200);
        long historyBefore = Sql.count("availability_history");

        assertThat(assertProblem(admin.send("POST", ROUTE, "{\"rows\": []}", "application/json"), 415).get("detail"))
                .asString().contains("text/csv");
        assertProblem(admin.send("POST", ROUTE, csv, "text/plain"), 415);
        assertProblem(admin.send("POST", ROUTE, csv, "text/csv; charset=no-such-charset"), 415);

        String withoutHeader = csv.lines().skip(1).collect(Collectors.joining("\n"));
        assertThat(assertProblem(admin.send("POST", ROUTE, withoutHeader, "text/csv"), 400).get("detail"))
                .asString().contains("OCCUPANCY_DATE");
        assertProblem(admin.send("POST", ROUTE, OpenData.resource(OpenData.INTAKE_EXTRACT), "text/csv"), 400);
        assertProblem(admin.send("POST", ROUTE, "", "text/csv"), 400);
        assertThat(Sql.count("availability_history")).isEqualTo(historyBefore);
    }

    @Test
    void onlyTheImportsTakeBodiesOverOneMebibyteStreamedOrNot() throws Exception {
        String extract = OpenData.resource(OpenData.OCCUPANCY_EXTRACT);
        String rows = extract.substring(extract.indexOf('\n') + 1);
        String big = extract + rows.repeat(9); // 1.1 MB: the same 405 nights ten times over
        assertThat(big.length()).isGreaterThan(1024 * 1024);
        var facility = fixtures.facilityWithBeds(12, 4);
        String hugeJson = "{\"available\": 1, \"padding\": \"" + "x".repeat(1024 * 1024 + 16) + "\"}";

        assertThat(importOk(big)).containsEntry("rows", 4050).containsEntry("programs", 135);
        HttpResponse<String> streamedCsv = streamed("POST", ROUTE, big, "text/csv");
        assertThat(streamedCsv.statusCode()).as(streamedCsv.body()).isEqualTo(200);

        HttpResponse<String> streamedJson = streamed("PUT", "/api/programs/" + facility.programId() + "/availability",
                hugeJson, "application/json");
        assertThat(streamedJson.statusCode()).as("a chunked JSON body over 1 MiB").isEqualTo(413);
        assertThat(streamedJson.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertProblem(fixtures.admin().send("POST", "/api/facilities", hugeJson, "application/json"), 413);
        assertThat(fixtures.admin().get("/api/programs/" + facility.programId() + "/availability").map())
                .containsEntry("available", 4);
    }

    /** A request whose body is sent chunked, without a Content-Length, so only counting the bytes can stop it. */
    private HttpResponse<String> streamed(String method, String path, String body, String contentType) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + fixtures.admin().token())
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The import's JDBC batches become multi-row INSERTs only if the driver really got this setting. */
    @Test
    void theDriverRewritesBatchedInserts() throws Exception {
        try (var connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            var properties = connection.unwrap(JdbcConnection.class).getPropertySet();
            assertThat(properties.getBooleanProperty("rewriteBatchedStatements").getValue()).isTrue();
            assertThat(properties.getBooleanProperty("forceConnectionTimeZoneToSession").getValue()).isTrue();
        }
    }

    @Test
    void theWholeSharedFileImportsWithNothingSkipped() throws Exception {
        String csv = Files.readString(OpenData.shared(OpenData.SHARED_OCCUPANCY));

        long started = System.nanoTime();
        Map<String, Object> summary = importOk(csv);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("Toronto occupancy, whole file over HTTP: %s rows in %.2f s = %.0f rows/s%n",
                summary.get("rows"), seconds, ((Number) summary.get("rows")).doubleValue() / seconds);
        assertThat(summary).containsEntry("rows", 11_459).containsEntry("facilities", 105)
                .containsEntry("programs", 143).containsEntry("nights", 85).containsEntry("skipped", List.of());
        assertThat(Sql.number("SELECT COUNT(*) FROM availability_history WHERE import_key LIKE 'toronto:%:2024-%'"))
                .isEqualTo(11_459);
    }

    @Test
    void theCommandLineImportsTheExtractWithAProgressBarAndASummary() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String file = OpenData.resourcePath(OpenData.OCCUPANCY_EXTRACT).toString();
        List<Map<String, String>> rows = OpenData.rows(OpenData.resource(OpenData.OCCUPANCY_EXTRACT));

        int status = ImportCommand.run(new String[]{"import", "toronto-occupancy", file}, commandLineEnvironment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported toronto-occupancy from "
                + "toronto-occupancy-2024-01-01_to_2024-01-03.csv").contains(rows.size() + " rows, "
                + distinct(rows, "LOCATION_ID") + " facilities, " + distinct(rows, "PROGRAM_ID") + " programs, 3 nights, 0 skipped");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("the progress bar").contains("Importing toronto-occupancy");
    }

    @Test
    void theCommandLineSaysSoWhenTheFileIsMissing() {
        var err = new ByteArrayOutputStream();

        int status = ImportCommand.run(new String[]{"import", "toronto-occupancy", "no-such-file.csv"}, commandLineEnvironment(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-file.csv", "no such file");
        assertThat(ImportCommand.run(new String[]{"import", "nonsense"}, commandLineEnvironment(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))).isNotZero();
    }

    /** The environment an operator would set to import into this (external, to the command) database. */
    static Map<String, String> commandLineEnvironment() {
        return Map.of("DATASOURCES_DEFAULT_URL", TestDatabase.get().jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", EmbeddedDatabase.USER, "DATASOURCES_DEFAULT_PASSWORD", "",
                "HARBOUR_JWT_SECRET", TestDatabase.JWT_SECRET);
    }

    private Map<String, Object> importOk(String csv) {
        Http.Reply reply = fixtures.admin().send("POST", ROUTE, csv, "text/csv");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    /** Imported facilities, programs and history, down to every column, in three numbers each. */
    static Map<String, Object> checksums() {
        return Db.row("""
                SELECT (SELECT COUNT(*) FROM availability_history WHERE source = 'IMPORT') AS history_rows,
                       (SELECT SUM(CRC32(CONCAT_WS('|', id, program_id, capacity, available, held, out_of_service, occupied,
                               version, changed_at, changed_by, source, import_key)))
                          FROM availability_history WHERE source = 'IMPORT') AS history_sum,
                       (SELECT COUNT(*) FROM facilities WHERE external_ref LIKE 'toronto-%') AS facilities,
                       (SELECT SUM(CRC32(CONCAT_WS('|', id, name, organization_id, region_code, municipality, address,
                               confidential, intake_always_open, external_ref, created_at, updated_at)))
                          FROM facilities WHERE external_ref LIKE 'toronto-%') AS facilities_sum,
                       (SELECT COUNT(*) FROM programs WHERE external_ref LIKE 'toronto-%') AS programs,
                       (SELECT SUM(CRC32(CONCAT_WS('|', id, facility_id, name, type, population, capacity_type, capacity,
                               genders, min_age, max_age, languages, external_ref, created_at, updated_at)))
                          FROM programs WHERE external_ref LIKE 'toronto-%') AS programs_sum""");
    }

    private static Map<String, Object> programRow(Map<String, String> row) {
        return Db.row("SELECT type, population, genders, min_age, max_age FROM programs WHERE external_ref = ?",
                "toronto-program:" + row.get("PROGRAM_ID"));
    }

    private static String unitOf(Map<String, String> row) {
        return row.get("CAPACITY_TYPE").startsWith("Bed") ? "BED" : "ROOM";
    }

    private static Map<String, String> first(List<Map<String, String>> rows, Predicate<Map<String, String>> which) {
        return rows.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such row in the extract"));
    }

    private static int distinct(List<Map<String, String>> rows, String column) {
        return (int) rows.stream().map(r -> r.get(column)).distinct().count();
    }

    /** The line with one column's value replaced (the sample lines have no quoted commas before column 27). */
    static String replaceColumn(String line, int index, String value) {
        String[] values = line.split(",", -1);
        values[index] = value;
        return String.join(",", values);
    }

    @SuppressWarnings("unchecked")
    static List<Long> skippedLines(Map<String, Object> summary) {
        return ((List<Map<String, Object>>) summary.get("skipped")).stream()
                .map(s -> ((Number) s.get("line")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> reasons(Map<String, Object> summary) {
        return ((List<Map<String, Object>>) summary.get("skipped")).stream().map(s -> (String) s.get("reason")).toList();
    }
}
