package org.harbour.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.facility.IntakeHours;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Open for intake now" in SQL (V30's intake_windows, which triggers keep from each facility's JSON) says what
 * {@link IntakeHours#isOpenAt} says, for every kind of window (office hours, overnight, a Sunday night running into
 * Monday, a close at midnight, a whole day, none at all) in several zones, through a whole week at the minutes where
 * it changes; and still after the hours are changed through the API.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeWindowsTest implements HarbourTest {

    private static final List<String> ZONES = List.of("America/Toronto", "America/Vancouver", "America/St_Johns");

    @Inject
    EmbeddedServer server;
    @Inject
    FacilityZones zones;

    Fixtures fixtures;
    Http admin;
    final Map<Long, IntakeHours> hoursByFacility = new LinkedHashMap<>();
    final Map<Long, ZoneId> zoneByFacility = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
    }

    @Test
    void sqlAndJavaAgreeAtEveryChangeOfAWeek() {
        List<List<IntakeHours.Window>> kinds = kinds();
        for (int i = 0; i < kinds.size(); i++) {
            String zone = ZONES.get(i % ZONES.size());
            long id = fixtures.facility(FacilityBuilder.defaultFacility().with("timeZone", zone)
                    .with("intakeHours", hours(kinds.get(i)))).id();
            hoursByFacility.put(id, new IntakeHours(false, kinds.get(i)));
            zoneByFacility.put(id, ZoneId.of(zone));
        }
        zones.refresh(); // a zone new to the search is read at once in service too (CandidateQueries asks again)
        assertAgreeThroughTheWeek();

        // changed through the API: the update trigger forgets the old intervals and writes the new ones
        long changed = hoursByFacility.keySet().iterator().next();
        List<IntakeHours.Window> overnight = List.of(window(DayOfWeek.WEDNESDAY, "21:00", "07:30"));
        Http.Reply reply = admin.put("/api/facilities/" + changed, FacilityBuilder.defaultFacility()
                .with("timeZone", zoneByFacility.get(changed).getId()).with("intakeHours", hours(overnight)).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        hoursByFacility.put(changed, new IntakeHours(false, overnight));
        assertThat(Sql.number("SELECT COUNT(*) FROM intake_windows WHERE facility_id = ?", changed)).isEqualTo(1);
        assertAgreeThroughTheWeek();
    }

    private void assertAgreeThroughTheWeek() {
        Instant monday = Instant.parse("2026-11-30T00:00:00Z");
        List<Instant> instants = new ArrayList<>();
        for (Instant t = monday.minus(Duration.ofHours(12)); t.isBefore(monday.plus(Duration.ofDays(8)));
             t = t.plus(Duration.ofMinutes(30))) {
            instants.add(t);
            instants.add(t.minusSeconds(1)); // the last second before a window opens or closes on the half hour
        }
        String ids = String.join(",", hoursByFacility.keySet().stream().map(String::valueOf).toList());
        for (Instant now : instants) {
            Map<Long, Boolean> sql = new LinkedHashMap<>();
            for (Map<String, Object> row : Sql.rows("SELECT f.id, " + EligibilitySql.OPEN_NOW + " AS open_now"
                    + " FROM facilities f WHERE f.id IN (" + ids + ")", zones.secondsOfWeekJson(now))) {
                sql.put(((Number) row.get("id")).longValue(), ((Number) row.get("open_now")).intValue() == 1);
            }
            for (Map.Entry<Long, IntakeHours> facility : hoursByFacility.entrySet()) {
                boolean java = facility.getValue().isOpenAt(now, zoneByFacility.get(facility.getKey()));
                assertThat(sql.get(facility.getKey())).as("facility %d (%s, %s) at %s", facility.getKey(),
                        facility.getValue().weekly(), zoneByFacility.get(facility.getKey()), now).isEqualTo(java);
            }
        }
    }

    private static List<List<IntakeHours.Window>> kinds() {
        return List.of(
                List.of(window(DayOfWeek.MONDAY, "09:00", "17:00"), window(DayOfWeek.FRIDAY, "09:00", "17:00")),
                List.of(window(DayOfWeek.TUESDAY, "20:00", "08:00")),
                List.of(window(DayOfWeek.SUNDAY, "20:00", "08:30")),
                List.of(window(DayOfWeek.SUNDAY, "22:00", "00:00"), window(DayOfWeek.SATURDAY, "00:00", "01:00")),
                List.of(window(DayOfWeek.THURSDAY, "10:30", "10:30")),
                List.of(window(DayOfWeek.MONDAY, "09:00", "12:00"), window(DayOfWeek.MONDAY, "12:00", "17:30")),
                List.of());
    }

    private static IntakeHours.Window window(DayOfWeek day, String open, String close) {
        return new IntakeHours.Window(day, open, close);
    }

    private static Map<String, Object> hours(List<IntakeHours.Window> windows) {
        return Map.of("alwaysOpen", false, "weekly", windows.stream()
                .map(w -> Map.of("day", w.day().name(), "open", w.open(), "close", w.close())).toList());
    }
}
