package org.harbour.problem;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.FacilityBuilder.defaultFacility;
import static org.harbour.testdata.Problems.assertProblem;
import static org.harbour.testdata.ProgramBuilder.defaultProgram;

/**
 * Issue 19: every problem carries a code the dashboard translates (and each field at fault its own, with the
 * figures its rule names), so no screen shows an English detail in French. Every problem+json of every test is
 * checked for a code by {@link org.harbour.testdata.Http}; this test pins the codes of one problem of each kind,
 * and that each code is documented and translated in both languages.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemCodesTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http admin;
    long programId;

    @BeforeAll
    void createSomething() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        programId = fixtures.facilityWithBeds(2, 0).programId();
    }

    @Test
    void aHoldOnAProgramWithNoBedLeftSaysNoBedLeft() {
        Http caseworker = fixtures.caseworker("Street Outreach Toronto");
        long client = Fixtures.clientOf(caseworker);

        var problem = assertProblem(caseworker.post("/api/programs/" + programId + "/holds", Map.of("clientId", client)), 409);

        assertThat(problem).containsEntry("code", "NO_BED_LEFT")
                .containsEntry("detail", "No bookable bed is left in this program");
    }

    @Test
    void aStaleVersionSaysSoWithTheCurrentVersion() {
        var problem = assertProblem(admin.put("/api/programs/" + programId + "/availability",
                Map.of("available", 1, "version", 999_999)), 409);

        assertThat(problem).containsEntry("code", "STALE_VERSION");
        assertThat(params(problem)).containsKey("version");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachFieldAtFaultHasItsCodeAndTheFiguresItsRuleNames() {
        var problem = assertProblem(admin.put("/api/programs/" + programId + "/availability",
                Map.of("available", -1, "outOfService", -2)), 422);
        assertThat(problem).containsEntry("code", "INVALID");
        assertThat(fieldErrors(problem)).extracting(e -> e.get("code")).containsOnly("TOO_SMALL");
        assertThat(params(fieldErrors(problem).get(0))).containsEntry("min", 0);

        var above = assertProblem(admin.put("/api/programs/" + programId + "/availability", Map.of("available", 3)), 422);
        assertThat(fieldErrors(above).get(0)).containsEntry("code", "ABOVE_CAPACITY");
        assertThat(params(fieldErrors(above).get(0))).containsEntry("max", 2);

        var facility = assertProblem(admin.post("/api/facilities", defaultFacility()
                .with("name", "x".repeat(500)).with("regionCode", "ON-NOWHERE")
                .withProgram(defaultProgram().with("type", "CASTLE")).build()), 422);
        assertThat(codeOf(facility, "name")).isEqualTo("TOO_LONG");
        assertThat(params(fieldError(facility, "name"))).containsKey("max");
        assertThat(codeOf(facility, "regionCode")).isEqualTo("UNKNOWN_REGION");
        assertThat(codeOf(facility, "programs[0].type")).isEqualTo("NOT_ALLOWED_VALUE");
        assertThat((List<Object>) params(fieldError(facility, "programs[0].type")).get("allowed")).contains("DV_SHELTER");
    }

    @Test
    void textWithAControlCharacterAndADateOutsideTheWindowHaveTheirCodes() {
        Http caseworker = fixtures.caseworker("Street Outreach Toronto");
        var alias = assertProblem(caseworker.post("/api/clients", Map.of("alias", "a\u0000b")), 422);
        assertThat(codeOf(alias, "alias")).isEqualTo("CONTROL_CHARACTERS");

        Http funder = fixtures.funder();
        var window = assertProblem(funder.get("/api/reports/capacity?groupBy=region&from=1999-12-31&to=2026-01-31"), 422);
        assertThat(codeOf(window, "from")).isEqualTo("DATE_OUTSIDE_WINDOW");
        assertThat(params(fieldError(window, "from"))).containsEntry("min", "2000-01-01").containsEntry("max", "2100-12-31");

        var notADate = assertProblem(funder.get("/api/reports/capacity?groupBy=region&from=2026-02-30&to=2026-01-31"), 400);
        assertThat(notADate).containsEntry("code", "BAD_DATE_PARAMETER");
        assertThat(codeOf(notADate, "from")).isEqualTo("NOT_A_DATE");

        var backwards = assertProblem(funder.get("/api/reports/capacity?groupBy=region&from=2026-03-01&to=2026-01-31"), 422);
        assertThat(codeOf(backwards, "to")).isEqualTo("BEFORE_START");
    }

    @Test
    void frameworkRefusalsHaveCodesToo() {
        assertThat(assertProblem(fixtures.anonymous().get("/api/availability"), 401)).containsEntry("code", "AUTHENTICATION_REQUIRED");
        assertThat(assertProblem(admin.get("/api/nothing-here"), 404)).containsEntry("code", "NOT_FOUND");
        assertThat(assertProblem(admin.send("POST", "/api/facilities", "{", "application/json"), 400))
                .containsEntry("code", "BODY_NOT_READABLE");
        assertThat(assertProblem(fixtures.anonymous().post("/api/login", Map.of("username", "nobody", "password", "wrong-password-1")), 401))
                .containsEntry("code", "BAD_CREDENTIALS");
        assertThat(assertProblem(fixtures.funder().get("/api/clients"), 403)).containsEntry("code", "FORBIDDEN");

        var missing = assertProblem(admin.get("/api/programs/987654321/availability"), 404);
        assertThat(missing).containsEntry("code", "NOT_FOUND");
        assertThat(params(missing)).containsEntry("object", "PROGRAM");
    }

    @Test
    void everyCodeIsDocumentedAndTranslatedInEnglishAndFrench() throws IOException {
        String reference = Files.readString(Path.of("src/docs/api.md"));
        String english = Files.readString(Path.of("ui/src/i18n/problems-en.ts"));
        String french = Files.readString(Path.of("ui/src/i18n/problems-fr.ts"));
        Stream.concat(Stream.of(ProblemCode.values()).map(c -> "problem." + c.name()),
                        Stream.of(FieldCode.values()).map(c -> "field." + c.name()))
                .forEach(key -> {
                    String code = key.substring(key.indexOf('.') + 1);
                    assertThat(reference).as("api.md documents " + code).contains("`" + code + "`");
                    assertThat(english).as("problems-en.ts translates " + key).contains("'" + key + "'");
                    assertThat(french).as("problems-fr.ts translates " + key).contains("'" + key + "'");
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fieldErrors(Map<String, Object> problem) {
        return (List<Map<String, Object>>) problem.get("errors");
    }

    private static Map<String, Object> fieldError(Map<String, Object> problem, String field) {
        return fieldErrors(problem).stream().filter(e -> field.equals(e.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + " in " + problem));
    }

    private static Object codeOf(Map<String, Object> problem, String field) {
        return fieldError(problem, field).get("code");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> problemOrFieldError) {
        Object params = problemOrFieldError.get("params");
        assertThat(params).as("params of " + problemOrFieldError).isNotNull();
        return (Map<String, Object>) params;
    }
}
