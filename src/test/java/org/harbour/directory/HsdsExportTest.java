package org.harbour.directory;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 3: GET /api/exports/hsds, the programs as Open Referral HSDS 3.1 for 211 directories. Every object
 * has the fields the specification requires, ids link the objects to one another, and no confidential facility's
 * address, name or place reaches the export, whoever asks.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsExportTest implements HarbourTest {

    /**
     * The required fields of HSDS 3.1, from openreferral/specification schema/simple/schema.csv (constraints_required,
     * plus constraints_tablular_required: the foreign keys a table needs, which Harbour gives in JSON as well).
     */
    static final Map<String, List<String>> REQUIRED = Map.of(
            "organization", List.of("id", "name", "description"),
            "service", List.of("id", "name", "status", "organization_id"),
            "phone", List.of("id", "number"),
            "language", List.of("id"),
            "service_area", List.of("id"),
            "service_capacity", List.of("id", "unit", "available", "updated", "service_id", "unit_id"),
            "unit", List.of("id", "name"),
            "location", List.of("id", "location_type"),
            "address", List.of("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
            "service_at_location", List.of("id", "service_id", "location_id"));
    /** HSDS 3.1 enums. */
    static final Set<String> SERVICE_STATUS = Set.of("active", "inactive", "defunct", "temporarily closed");
    static final Set<String> LOCATION_TYPE = Set.of("physical", "postal", "virtual");
    /** Fields whose value may be empty text: Harbour keeps no separate postal code (see PostalCodes). */
    static final Set<String> MAY_BE_EMPTY = Set.of("postal_code");

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    String openProgramName;
    long openProgram;
    String secretName;
    String secretAddress;
    String secretProgramName;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        openProgramName = Fixtures.unique("Queen West beds");
        var open = fixtures.facility(FacilityBuilder.defaultFacility().with("address", "480 Queen St W, Toronto ON m5v2a9")
                .withProgram(ProgramBuilder.defaultProgram().with("name", openProgramName).withCapacity(12)));
        openProgram = open.programId();
        assertThat(fixtures.admin().put("/api/programs/" + openProgram + "/availability",
                Map.of("available", 5, "outOfService", 2)).status()).isEqualTo(200);

        secretName = Fixtures.unique("Refuge of the North");
        secretAddress = Fixtures.unique("9 Hidden Lane");
        secretProgramName = Fixtures.unique("Survivors' rooms");
        var secret = fixtures.facility(FacilityBuilder.defaultFacility().confidential(true).with("name", secretName)
                .with("address", secretAddress).with("municipality", "Sudbury").with("regionCode", "ON-NORTHEAST")
                .withProgram(ProgramBuilder.defaultProgram().with("name", secretProgramName).withCapacity(6)));
        assertThat(fixtures.admin().put("/api/programs/" + secret.programId() + "/availability",
                Map.of("available", 2, "outOfService", 0)).status()).isEqualTo(200);
    }

    @Test
    void everyObjectHasTheFieldsHsds31Requires() {
        Map<String, Object> export = export(fixtures.funder());

        assertThat(export.get("hsds_version")).isEqualTo("3.1");
        List<String> checked = new ArrayList<>();
        each(export, "organizations").forEach(o -> required("organization", o, checked));
        for (Map<String, Object> service : each(export, "services")) {
            required("service", service, checked);
            assertThat(SERVICE_STATUS).contains((String) service.get("status"));
            each(service, "phones").forEach(p -> required("phone", p, checked));
            each(service, "languages").forEach(l -> required("language", l, checked));
            each(service, "service_areas").forEach(a -> required("service_area", a, checked));
            for (Map<String, Object> capacity : each(service, "capacities")) {
                required("service_capacity", capacity, checked);
                required("unit", map(capacity.get("unit")), checked);
                assertThat(capacity.get("available")).isInstanceOf(Number.class);
                assertThat(Instant.parse((String) capacity.get("updated"))).isNotNull();
            }
        }
        for (Map<String, Object> location : each(export, "locations")) {
            required("location", location, checked);
            assertThat(LOCATION_TYPE).contains((String) location.get("location_type"));
            each(location, "addresses").forEach(a -> required("address", a, checked));
        }
        each(export, "service_at_locations").forEach(l -> required("service_at_location", l, checked));
        // the test data holds at least one of each, so no list above was checked empty
        assertThat(new HashSet<>(checked)).containsExactlyInAnyOrderElementsOf(REQUIRED.keySet());
    }

    @Test
    void idsLinkTheObjectsAndStayTheSameFromOneExportToTheNext() {
        Map<String, Object> export = export(fixtures.admin());
        Set<String> organizations = ids(each(export, "organizations"));
        Set<String> services = ids(each(export, "services"));
        Set<String> locations = ids(each(export, "locations"));

        assertThat(services).hasSize((int) Sql.number("SELECT COUNT(*) FROM programs"));
        for (Map<String, Object> service : each(export, "services")) {
            assertThat(organizations).contains((String) service.get("organization_id"));
            for (String nested : List.of("phones", "languages", "service_areas", "capacities")) {
                each(service, nested).forEach(o -> assertThat(o.get("service_id")).as(nested).isEqualTo(service.get("id")));
            }
            each(service, "capacities").forEach(c -> assertThat(c.get("unit_id")).isEqualTo(map(c.get("unit")).get("id")));
        }
        for (Map<String, Object> location : each(export, "locations")) {
            assertThat(organizations).contains((String) location.get("organization_id"));
            each(location, "addresses").forEach(a -> assertThat(a.get("location_id")).isEqualTo(location.get("id")));
        }
        for (Map<String, Object> link : each(export, "service_at_locations")) {
            assertThat(services).contains((String) link.get("service_id"));
            assertThat(locations).contains((String) link.get("location_id"));
        }
        List<String> everyId = new ArrayList<>();
        collectIds(export, everyId);
        assertThat(everyId).doesNotHaveDuplicates().allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());

        Map<String, Object> again = export(fixtures.funder());
        again.put("generated", export.get("generated"));
        assertThat(again).as("the same export for a funder as for an admin, ids included").isEqualTo(export);
    }

    @Test
    void anOpenProgramHasItsLocationAddressAndLiveCapacity() {
        Map<String, Object> export = export(fixtures.funder());
        Map<String, Object> service = byName(each(export, "services"), openProgramName);
        Map<String, Object> link = each(export, "service_at_locations").stream()
                .filter(l -> l.get("service_id").equals(service.get("id"))).findFirst().orElseThrow();
        Map<String, Object> location = each(export, "locations").stream()
                .filter(l -> l.get("id").equals(link.get("location_id"))).findFirst().orElseThrow();
        Map<String, Object> address = each(location, "addresses").get(0);

        assertThat(address).containsEntry("address_1", "480 Queen St W, Toronto ON m5v2a9").containsEntry("city", "Toronto")
                .containsEntry("state_province", "ON").containsEntry("postal_code", "M5V 2A9").containsEntry("country", "CA");
        Map<String, Object> capacity = each(service, "capacities").get(0);
        Map<String, Object> live = fixtures.funder().get("/api/programs/" + openProgram + "/availability").map();
        assertThat(((Number) capacity.get("available")).intValue()).isEqualTo(((Number) live.get("bookable")).intValue()).isEqualTo(5);
        assertThat(((Number) capacity.get("maximum")).intValue()).isEqualTo(12 - 2);
        assertThat(Instant.parse((String) capacity.get("updated")))
                .isEqualTo(Instant.parse((String) live.get("updatedAt")).truncatedTo(ChronoUnit.MILLIS));
        assertThat(map(capacity.get("unit")).get("name")).isEqualTo("bed");
    }

    /*
     * The adversary reads the export as a directory would publish it: no confidential facility's address or name
     * anywhere in the body, no location or coordinates for its programs; yet the program is listed, so a caller is
     * pointed at its intake phone and its municipality.
     */
    @Test
    void aConfidentialFacilityIsListedWithoutItsPlace() {
        for (Http caller : List.of(fixtures.admin(), fixtures.funder())) {
            Http.Reply reply = caller.get("/api/exports/hsds");
            assertThat(reply.status()).isEqualTo(200);
            // every confidential address no open facility shares (tests give many facilities "12 Example St"), and
            // every confidential name as a whole value or as a description writes it ("at NAME, Toronto")
            for (Map<String, Object> facility : Sql.rows("SELECT name, address FROM facilities c WHERE confidential"
                    + " AND NOT EXISTS (SELECT 1 FROM facilities o WHERE NOT o.confidential AND o.address = c.address)")) {
                if (facility.get("address") != null) {
                    assertThat(reply.body()).doesNotContain((String) facility.get("address"));
                }
            }
            for (Map<String, Object> facility : Sql.rows("SELECT name FROM facilities WHERE confidential")) {
                String name = Http.json(facility.get("name"));
                assertThat(reply.body()).doesNotContain(name).doesNotContain("at " + facility.get("name") + ",");
            }
            assertThat(reply.body()).doesNotContain(secretAddress).doesNotContain(secretName)
                    .doesNotContain("latitude").doesNotContain("longitude");

            Map<String, Object> export = map(Http.parse(reply.body()));
            Map<String, Object> service = byName(each(export, "services"), secretProgramName);
            assertThat(each(export, "service_at_locations")).noneMatch(l -> l.get("service_id").equals(service.get("id")));
            assertThat(each(service, "phones")).extracting(p -> p.get("number")).containsExactly("+1-416-555-0100");
            assertThat(each(service, "service_areas")).extracting(a -> a.get("name")).containsExactly("Sudbury");
            assertThat((String) service.get("description")).contains("confidential location");
        }
        int locations = (int) Sql.number("SELECT COUNT(*) FROM facilities WHERE NOT confidential AND address IS NOT NULL"
                + " AND address <> '' AND id IN (SELECT facility_id FROM programs)");
        assertThat(each(export(fixtures.admin()), "locations")).hasSize(locations);
    }

    @Test
    void theOpenApiDocumentDescribesTheExportWithHsdsFieldNames() {
        String document = fixtures.anonymous().withHeader("Accept", "*/*").get("/openapi.yml").body();

        assertThat(document).contains("\n  /api/exports/hsds:\n", "service_at_locations:", "location_type:",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private Map<String, Object> export(Http caller) {
        Http.Reply reply = caller.get("/api/exports/hsds");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.map();
    }

    private static void required(String object, Map<String, Object> value, List<String> checked) {
        for (String field : REQUIRED.get(object)) {
            assertThat(value).as("%s %s", object, value).containsKey(field);
            assertThat(value.get(field)).as("%s.%s", object, field).isNotNull();
            if (value.get(field) instanceof String text && !MAY_BE_EMPTY.contains(field)) {
                assertThat(text).as("%s.%s", object, field).isNotBlank();
            }
        }
        checked.add(object);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> each(Map<String, Object> parent, String field) {
        assertThat(parent).as(field).containsKey(field);
        return (List<Map<String, Object>>) parent.get(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Set<String> ids(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> (String) o.get("id")).collect(Collectors.toSet());
    }

    private static Map<String, Object> byName(List<Map<String, Object>> services, String name) {
        return services.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
    }

    /** Every "id" of every object, once per object (a unit is shared by its capacities, so units are left out). */
    @SuppressWarnings("unchecked")
    private static void collectIds(Object node, List<String> ids) {
        if (node instanceof Map<?, ?> map) {
            boolean unit = map.size() == 2 && map.containsKey("name");
            if (map.get("id") instanceof String id && !unit) {
                ids.add(id);
            }
            map.forEach((k, v) -> collectIds(v, ids));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectIds(v, ids));
        }
    }
}
