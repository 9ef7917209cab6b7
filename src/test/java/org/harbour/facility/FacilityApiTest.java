package org.harbour.facility;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.FacilityBuilder.defaultFacility;
import static org.harbour.testdata.Problems.assertProblem;
import static org.harbour.testdata.Problems.errorFields;
import static org.harbour.testdata.ProgramBuilder.defaultProgram;

/** Creating and changing facilities and programs (API.md "Facilities and programs"). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminCreatesAFacilityWhoseFieldsAndProgramsRoundTrip() {
        Map<String, Object> intakeHours = Map.of("alwaysOpen", false, "weekly", List.of(
                Map.of("day", "MONDAY", "open", "09:00", "close", "17:00"),
                Map.of("day", "FRIDAY", "open", "20:00", "close", "08:00")));
        ProgramBuilder women = defaultProgram().withEligibility("culturallySpecific", "2SLGBTQ")
                .withEligibility("maxAge", 64);
        ProgramBuilder hotel = defaultProgram().with("name", "Hotel rooms").with("type", "HOTEL_MOTEL")
                .with("population", "FAMILIES").with("capacityType", "ROOM").withCapacity(4).with("nightlyCost", 139.5)
                .withEligibility("genders", List.of("TWO_SPIRIT", "MAN")).withEligibility("substanceUse", "ALLOWED");
        Map<String, Object> sent = defaultFacility().confidential(true).with("intakeHours", intakeHours)
                .withProgram(women).withProgram(hotel).build();

        Http.Reply created = admin.post("/api/facilities", sent);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        for (Map<String, Object> facility : List.of(created.map(), admin.get("/api/facilities/" + created.id()).map())) {
            assertThat(facility.get("id")).isInstanceOf(Number.class);
            for (String field : List.of("name", "organization", "regionCode", "municipality", "timeZone", "address",
                    "confidential", "intakePhone", "intakeHours")) {
                assertThat(facility.get(field)).as(field).isEqualTo(sent.get(field));
            }
            List<Map<String, Object>> programs = (List<Map<String, Object>>) facility.get("programs");
            assertThat(programs).hasSize(2);
            assertProgramMatches(programs.get(0), women.build());
            assertProgramMatches(programs.get(1), hotel.build());
        }
    }

    static Stream<Arguments> invalidFacilities() {
        return Stream.of(
                invalid("programs[0].type", p -> p.with("type", "CASTLE")),
                invalid("programs[0].population", p -> p.with("population", "EVERYONE")),
                invalid("programs[0].capacityType", p -> p.with("capacityType", "COUCH")),
                invalid("programs[0].eligibility.genders", p -> p.withEligibility("genders", List.of("WOMAN", "ROBOT"))),
                invalid("programs[0].eligibility.substanceUse", p -> p.withEligibility("substanceUse", "SOMETIMES")),
                invalid("programs[0].eligibility.culturallySpecific", p -> p.withEligibility("culturallySpecific", "LGBT")),
                invalid("programs[0].capacity", p -> p.withCapacity(-1)),
                invalid("programs[0].eligibility.maxAge", p -> p.withEligibility("minAge", 30).withEligibility("maxAge", 18)),
                invalid("programs[0].eligibility.languages", p -> p.withEligibility("languages", manyLanguages())),
                invalid("programs[0].name", p -> p.with("name", null)),
                invalid("programs[0].capacity", p -> p.with("capacity", null)),
                invalid("programs[0].eligibility.substanceUse", p -> p.withEligibility("substanceUse", null)),
                invalidFacility("name", f -> f.with("name", " ")),
                invalidFacility("organization", f -> f.with("organization", null)),
                invalidFacility("municipality", f -> f.with("municipality", null)),
                invalidFacility("regionCode", f -> f.with("regionCode", null)),
                invalidFacility("regionCode", f -> f.with("regionCode", "ON-ATLANTIS")),
                invalidFacility("timeZone", f -> f.with("timeZone", "Canada/Atlantis")),
                invalidFacility("intakeHours.weekly[0].open", f -> f.with("intakeHours",
                        Map.of("alwaysOpen", false, "weekly", List.of(Map.of("day", "MONDAY", "open", "25:00", "close", "08:00"))))),
                invalidFacility("intakeHours.weekly[0].day", f -> f.with("intakeHours",
                        Map.of("alwaysOpen", false, "weekly", List.of(Map.of("day", "FUNDAY", "open", "09:00", "close", "17:00"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFacilities")
    void anInvalidFacilityIs422NamingTheFieldAndLeavesNoRows(String field, FacilityBuilder body) {
        Map<String, Long> before = rowCounts();

        Http.Reply reply = admin.post("/api/facilities", body.build());

        assertThat(errorFields(reply)).contains(field);
        assertThat(rowCounts()).isEqualTo(before);
    }

    static Stream<Arguments> wrongJsonTypes() {
        return Stream.of(
                Arguments.of("programs[0].capacity", defaultFacility().withProgram(defaultProgram().with("capacity", "twelve"))),
                Arguments.of("programs[0].capacity", defaultFacility().withProgram(defaultProgram().with("capacity", 2.5))),
                Arguments.of("confidential", defaultFacility().with("confidential", "yes").withProgram(defaultProgram())),
                Arguments.of("programs[0].eligibility.acceptsPets",
                        defaultFacility().withProgram(defaultProgram().withEligibility("acceptsPets", "no"))),
                Arguments.of("programs[0].eligibility.genders",
                        defaultFacility().withProgram(defaultProgram().withEligibility("genders", "WOMAN"))),
                Arguments.of("intakeHours", defaultFacility().with("intakeHours", "always").withProgram(defaultProgram())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongJsonTypes")
    void aValueOfTheWrongJsonTypeIs400NamingWhereAndLeavesNoRows(String field, FacilityBuilder body) {
        Map<String, Long> before = rowCounts();

        Http.Reply reply = admin.post("/api/facilities", body.build());

        assertThat((String) assertProblem(reply, 400).get("detail")).contains("'" + field + "'");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aFacilityUnderANewOrganizationWithOneBadProgramIsRejectedWhole() {
        Map<String, Long> before = rowCounts();

        Http.Reply reply = admin.post("/api/facilities", defaultFacility()
                .with("organization", Fixtures.unique("Brand New Society"))
                .withProgram(defaultProgram()).withProgram(defaultProgram().withCapacity(-5)).build());

        assertThat(errorFields(reply)).containsExactly("programs[1].capacity");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void adminChangesAFacilityAndAddsAProgram() {
        var facility = fixtures.facility(defaultFacility().withProgram(defaultProgram()));

        Http.Reply changed = admin.put("/api/facilities/" + facility.id(), defaultFacility()
                .with("name", "Renamed House").with("municipality", "Hamilton").with("regionCode", "ON-CENTRAL-WEST")
                .confidential(true).build());
        Http.Reply added = admin.post("/api/facilities/" + facility.id() + "/programs",
                defaultProgram().with("name", "Youth beds").with("type", "YOUTH_SHELTER").build());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.map()).containsEntry("name", "Youth beds").containsEntry("facilityId", (int) facility.id());
        Map<String, Object> read = admin.get("/api/facilities/" + facility.id()).map();
        assertThat(read).containsEntry("name", "Renamed House").containsEntry("municipality", "Hamilton")
                .containsEntry("regionCode", "ON-CENTRAL-WEST").containsEntry("confidential", true);
        assertThat((List<?>) read.get("programs")).as("a facility update keeps its programs").hasSize(2);
        assertThat(admin.get("/api/programs/" + added.id() + "/availability").map())
                .as("a new program starts with nothing available").containsEntry("available", 0).containsEntry("capacity", 12);
    }

    @Test
    void adminChangesAProgramAndItsCapacityIsInForce() {
        var facility = fixtures.facilityWithBeds(12, 5);

        Http.Reply changed = admin.put("/api/programs/" + facility.programId(), defaultProgram().withCapacity(20)
                .with("name", "Bigger program").withEligibility("culturallySpecific", "INDIGENOUS").build());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.map()).containsEntry("capacity", 20).containsEntry("name", "Bigger program");
        assertThat(admin.get("/api/programs/" + facility.programId() + "/availability").map())
                .containsEntry("capacity", 20).containsEntry("available", 5).containsEntry("occupied", 15);
    }

    @Test
    void capacityBelowWhatIsAvailableAndOutOfServiceIs422AndChangesNothing() {
        var facility = fixtures.facilityWithBeds(12, 6);
        String countsPath = "/api/programs/" + facility.programId() + "/availability";
        assertThat(admin.put(countsPath, Map.of("available", 6, "outOfService", 2)).status()).isEqualTo(200);
        Map<String, Object> countsBefore = admin.get(countsPath).map();
        long historyBefore = Sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ?", facility.programId());

        Http.Reply reply = admin.put("/api/programs/" + facility.programId(),
                defaultProgram().withCapacity(7).with("name", "Shrunk").build());

        assertThat(errorFields(reply)).containsExactly("capacity");
        Map<String, Object> program = programOf(admin.get("/api/facilities/" + facility.id()).map(), facility.programId());
        assertThat(program).containsEntry("capacity", 12).doesNotContainEntry("name", "Shrunk");
        assertThat(admin.get(countsPath).map()).isEqualTo(countsBefore);
        assertThat(Sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ?", facility.programId()))
                .isEqualTo(historyBefore);
        assertThat(admin.put("/api/programs/" + facility.programId(), defaultProgram().withCapacity(8).build()).status())
                .as("exactly available + outOfService is allowed").isEqualTo(200);
    }

    @Test
    void unknownIdsAre404() {
        long unknown = 987_654_321L;
        Map<String, Object> facility = defaultFacility().build();
        Map<String, Object> program = defaultProgram().build();

        assertProblem(admin.get("/api/facilities/" + unknown), 404);
        assertProblem(admin.put("/api/facilities/" + unknown, facility), 404);
        assertProblem(admin.post("/api/facilities/" + unknown + "/programs", program), 404);
        assertProblem(admin.put("/api/programs/" + unknown, program), 404);
    }

    /** More distinct ISO 639 codes than a program can list. */
    private static List<String> manyLanguages() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            codes.add("x" + (char) ('a' + i / 26) + (char) ('a' + i % 26));
        }
        return codes;
    }

    private static Arguments invalid(String field, UnaryOperator<ProgramBuilder> change) {
        return Arguments.of(field, defaultFacility().withProgram(change.apply(defaultProgram())));
    }

    private static Arguments invalidFacility(String field, UnaryOperator<FacilityBuilder> change) {
        return Arguments.of(field, change.apply(defaultFacility().withProgram(defaultProgram())));
    }

    private static Map<String, Long> rowCounts() {
        return Map.of("facilities", Sql.count("facilities"), "programs", Sql.count("programs"),
                "availability", Sql.count("availability"), "organizations", Sql.count("organizations"),
                "events", Sql.count("events"));
    }

    @SuppressWarnings("unchecked")
    private static void assertProgramMatches(Map<String, Object> actual, Map<String, Object> sent) {
        assertThat(actual.get("id")).isInstanceOf(Number.class);
        for (String field : List.of("name", "type", "population", "capacityType", "capacity", "maxStayDays", "eligibility")) {
            assertThat(actual.get(field)).as(field).isEqualTo(sent.get(field));
        }
        Object cost = sent.get("nightlyCost");
        assertThat(actual.get("nightlyCost") == null ? null : ((Number) actual.get("nightlyCost")).doubleValue())
                .isEqualTo(cost == null ? null : ((Number) cost).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> programOf(Map<String, Object> facility, long programId) {
        return new ArrayList<>((List<Map<String, Object>>) facility.get("programs")).stream()
                .filter(p -> ((Number) p.get("id")).longValue() == programId).findFirst().orElseThrow();
    }
}
