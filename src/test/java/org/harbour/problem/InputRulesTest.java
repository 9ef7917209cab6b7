package org.harbour.problem;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertInvalidField;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * Issue 18 findings 7 and 8 (part): one window for every date Harbour takes (2000-01-01 to 2100-12-31,
 * {@link DateWindow}), and no control character or bidirectional override in any free-text field
 * ({@link FreeText}). Each refusal is a 422 naming the field and changes nothing; the edges are taken.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputRulesTest implements HarbourTest {

    /** Dates outside the window, each one that reads as a date: past 9999 answered 500, 9999-12-31 was taken. */
    static final List<String> OUT_OF_WINDOW = List.of("1999-12-31", "2101-01-01", "9999-12-31", "+10000-01-01",
            "0001-01-01", "-0001-01-01");
    /** What free text may not hold; the last ones look harmless and are not. */
    static final List<String> CONTROLLED = List.of("a\u0000b", "a\u0001b", "a\tb", "a\nb", "a\rb", "a\u001Fb",
            "a\u007Fb", "a\u0085b", "\u202Eevil", "a\u202Ab", "a\u202Db", "a\u2066b", "a\u2069b", "trailing\u0000");

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http admin;
    Http caseworker;
    long programId;
    long facilityId;
    long clientId;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        caseworker = fixtures.caseworker(Fixtures.unique("Window outreach"));
        var facility = fixtures.facilityWithBeds(5, 5);
        facilityId = facility.id();
        programId = facility.programId();
        clientId = Fixtures.clientOf(caseworker);
    }

    @Test
    void aPlacementDateOutsideTheWindowIs422AndPlacesNobody() {
        for (String date : OUT_OF_WINDOW) {
            for (String field : List.of("startDate", "expectedEndDate")) {
                Map<String, Object> body = new HashMap<>(Map.of("clientId", clientId, "programId", programId));
                body.put(field, date);
                refused(() -> caseworker.post("/api/placements", body), field, field + " " + date);
            }
        }
    }

    @Test
    void endingOrMovingAPlacementOutsideTheWindowIs422AndLeavesItActive() {
        long client = Fixtures.clientOf(caseworker);
        Http.Reply placed = caseworker.post("/api/placements", Map.of("clientId", client, "programId", programId,
                "expectedEndDate", DateWindow.LATEST.toString())); // the last day is in the window
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        long placement = placed.id();
        for (String date : OUT_OF_WINDOW) {
            refused(() -> caseworker.post("/api/placements/" + placement + "/end", Map.of("endDate", date, "reason", "HOUSED")),
                    "endDate", "end " + date);
            refused(() -> caseworker.post("/api/placements/" + placement + "/move", Map.of("toProgramId", programId,
                    "date", date)), "date", "move " + date);
            refused(() -> caseworker.post("/api/placements/" + placement + "/move", Map.of("toProgramId", programId,
                    "expectedEndDate", date)), "expectedEndDate", "move until " + date);
        }
        Http.Reply ended = caseworker.post("/api/placements/" + placement + "/end",
                Map.of("endDate", LocalDate.now().toString(), "reason", "HOUSED"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    }

    @Test
    void aReportOrAuditRangeOutsideTheWindowIs422AndItsEdgesAreTaken() {
        Http funder = fixtures.funder();
        for (String date : OUT_OF_WINDOW) {
            String encoded = URLEncoder.encode(date, StandardCharsets.UTF_8);
            assertInvalidField(funder.get("/api/reports/capacity?groupBy=region&from=" + encoded + "&to=2000-01-31"), "from");
            assertInvalidField(funder.get("/api/reports/turnaways?from=2100-12-01&to=" + encoded), "to");
            String instant = URLEncoder.encode(date + "T00:00:00Z", StandardCharsets.UTF_8);
            assertInvalidField(admin.get("/api/audit?from=" + instant), "from");
            assertInvalidField(admin.get("/api/audit?to=" + instant), "to");
        }
        assertThat(funder.get("/api/reports/capacity?groupBy=region&from=2000-01-01&to=2000-01-31").status()).isEqualTo(200);
        assertThat(funder.get("/api/reports/turnaways?from=2100-12-01&to=2100-12-31").status()).isEqualTo(200);
        assertThat(admin.get("/api/audit?from=2000-01-01T00:00:00Z&to=2100-12-31T23:59:59Z").status()).isEqualTo(200);
        assertInvalidField(admin.get("/api/audit?to=2101-01-01T00:00:00Z"), "to");
    }

    @Test
    void aBirthYearOutsideALifetimeIs422() {
        for (int year : List.of(10_000, 1800, LocalDate.now().getYear() + 1, -1)) {
            refused(() -> caseworker.post("/api/clients", Map.of("alias", "Born " + year, "birthYear", year)),
                    "birthYear", "born " + year);
        }
    }

    /** One row per free-text field: where it goes and a valid body around it. */
    record TextField(String what, String field, Function<String, Http.Reply> send) {
    }

    List<TextField> textFields() {
        List<TextField> fields = new ArrayList<>();
        fields.add(new TextField("new client", "alias", text -> caseworker.post("/api/clients", Map.of("alias", text))));
        fields.add(new TextField("client edit", "alias",
                text -> caseworker.put("/api/clients/" + clientId, Map.of("alias", text))));
        fields.add(new TextField("client of an organization", "organization", text -> admin.post("/api/clients",
                Map.of("alias", "Named by admin", "organization", text))));
        for (String field : List.of("name", "organization", "municipality", "address", "intakePhone")) {
            fields.add(new TextField("new facility", field, text -> admin.post("/api/facilities",
                    FacilityBuilder.defaultFacility().with(field, text).build())));
            fields.add(new TextField("facility edit", field, text -> admin.put("/api/facilities/" + facilityId,
                    FacilityBuilder.defaultFacility().with(field, text).build())));
        }
        fields.add(new TextField("program of a new facility", "programs[0].name", text -> admin.post("/api/facilities",
                FacilityBuilder.defaultFacility().withProgram(ProgramBuilder.defaultProgram().with("name", text)).build())));
        fields.add(new TextField("new program", "name", text -> admin.post("/api/facilities/" + facilityId + "/programs",
                ProgramBuilder.defaultProgram().with("name", text).build())));
        fields.add(new TextField("program edit", "name", text -> admin.put("/api/programs/" + programId,
                ProgramBuilder.defaultProgram().withCapacity(5).with("name", text).build())));
        fields.add(new TextField("new user's organization", "organization", text -> admin.post("/api/users",
                Map.of("username", Fixtures.unique("texty").replace(' ', '-'), "password", Fixtures.PASSWORD,
                        "role", "CASEWORKER", "organization", text))));
        fields.add(new TextField("new user's name", "username", text -> admin.post("/api/users",
                Map.of("username", text, "password", Fixtures.PASSWORD, "role", "FUNDER"))));
        fields.add(new TextField("audit filter", "username",
                text -> admin.get("/api/audit?username=" + URLEncoder.encode(text, StandardCharsets.UTF_8))));
        return fields;
    }

    @Test
    void aControlCharacterOrBidiOverrideInAnyFreeTextFieldIs422NamingItAndStoresNothing() {
        for (TextField field : textFields()) {
            for (String text : CONTROLLED) {
                String described = field.what() + " " + field.field() + " " + escaped(text);
                refused(() -> field.send().apply(text), field.field(), described);
            }
        }
    }

    @Test
    void printableTextInAnyScriptIsTaken() {
        String text = "Zoë Ødegård-Nguyễn 😀 مرحبا ᓀᐦᐃᔭᐍᐏᐣ";
        Http.Reply client = caseworker.post("/api/clients", Map.of("alias", text));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        assertThat(client.map()).containsEntry("alias", text);
        Http.Reply facility = admin.post("/api/facilities", FacilityBuilder.defaultFacility().with("address", text)
                .withProgram(ProgramBuilder.defaultProgram().with("name", text)).build());
        assertThat(facility.status()).as(facility.body()).isEqualTo(201);
    }

    /** A 422 naming the field, and not a row of any table changed. */
    private static void refused(java.util.function.Supplier<Http.Reply> request, String field, String described) {
        String before = Tables.fingerprint();
        Http.Reply reply = request.get();
        assertThat(reply.status()).as(described + " -> " + reply.body()).isEqualTo(422);
        assertProblem(reply, 422);
        assertInvalidField(reply, field);
        assertThat(Tables.fingerprint()).as(described + " changed nothing").isEqualTo(before);
    }

    private static String escaped(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> shown.append(c < 0x20 || c >= 0x7F ? String.format("\\u%04X", c) : Character.toString(c)));
        return shown.toString();
    }
}
