package org.harbour.report;

import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.ProgramBuilder;
import org.harbour.testdata.Sql;
import org.harbour.testdata.SqlAt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data the capacity report is checked against, built through the API with the service clock set
 * to chosen local times (so history rows, requests and waits get exact timestamps), plus IMPORT rows
 * written directly as the open-data importer would. Regions and 2025 dates that no other test uses.
 *
 * March 2025 (nights and requests): a DV shelter in ON-NORTHWEST (Toronto time), a shelter in
 * BC-INTERIOR (Vancouver time) and an imported respite site in AB-SOUTH (Edmonton time).
 * April 2025 (placements): an emergency shelter and a hotel in ON-NORTHWEST, seven clients placed, and an eighth
 * whose hotel stay began in March.
 * November 2025: one more change to the DV shelter on the morning DST ends.
 */
final class NorthwestScenario {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");
    static final String NORTHWEST = "ON-NORTHWEST";

    private final Fixtures fixtures;
    private final MutableClock clock;
    private Http caseworker;

    long shelterId;
    long shelterFacilityId;
    long vancouverId;
    long importedId;
    long emergencyId;
    long hotelId;

    /** Where the IMPORT rows go: the shared test database, or a test's own (null: the shared one). */
    private final SqlAt database;

    NorthwestScenario(Fixtures fixtures, MutableClock clock) {
        this(fixtures, clock, null);
    }

    NorthwestScenario(Fixtures fixtures, MutableClock clock, SqlAt database) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.database = database;
    }

    void build() {
        at("2025-02-27T07:00", TORONTO);
        caseworker = fixtures.caseworker(Fixtures.unique("Northwest Outreach"));
        marchNights();
        importedNights();
        marchRequests();
        aprilPlacements();
        report(fixtures.staffOf(shelterFacilityId), shelterId, "2025-11-02T03:30", TORONTO, 5, 0); // 08:30Z, EST
        at("2025-06-15T12:00", TORONTO);
    }

    /** Each change at a local time chosen around 04:00 the next morning, and on the DST night. */
    private void marchNights() {
        var shelter = fixtures.facility(facility(NORTHWEST, TORONTO, "Thunder Bay")
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(10)));
        shelterId = shelter.programId();
        shelterFacilityId = shelter.id();
        Http staff = fixtures.staffOf(shelter.id());
        report(staff, shelterId, "2025-02-28T15:00", TORONTO, 4, 1);
        report(staff, shelterId, "2025-03-03T03:59", TORONTO, 2, 0); // counts for the night of 03-02
        report(staff, shelterId, "2025-03-04T04:01", TORONTO, 6, 0); // too late for the night of 03-03
        report(staff, shelterId, "2025-03-09T04:30", TORONTO, 3, 0); // 08:30Z, after 04:00 EDT: not night 03-08

        at("2025-02-27T04:00", VANCOUVER);
        var vancouver = fixtures.facility(facility("BC-INTERIOR", VANCOUVER, "Kamloops")
                .withProgram(ProgramBuilder.defaultProgram().with("type", "EMERGENCY_SHELTER")
                        .with("population", "MIXED_ADULT").withCapacity(20)));
        vancouverId = vancouver.programId();
        Http staff2 = fixtures.staffOf(vancouver.id());
        report(staff2, vancouverId, "2025-03-02T03:59", VANCOUVER, 10, 0); // 11:59Z: Toronto's cut-off passed
        report(staff2, vancouverId, "2025-03-03T04:01", VANCOUVER, 5, 0);
        report(staff2, vancouverId, "2025-03-09T04:30", VANCOUVER, 0, 0); // after 04:00 PDT
    }

    /** Nightly imported counts, each with its own capacity, for 03-01, 03-02 and 03-04 only. */
    private void importedNights() {
        at("2025-02-27T05:00", EDMONTON);
        importedId = fixtures.facility(facility("AB-SOUTH", EDMONTON, "Lethbridge")
                .withProgram(ProgramBuilder.defaultProgram().with("type", "RESPITE").with("population", "MIXED_ADULT")
                        .withCapacity(30))).programId();
        imported("2025-03-01T23:00", 30, 3, 2);
        imported("2025-03-02T23:00", 32, 2, 0);
        imported("2025-03-04T23:00", 28, 0, 1);
    }

    private void imported(String localNight, int capacity, int available, int outOfService) {
        String insert = """
                INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied,
                                                  version, changed_at, changed_by, source)
                VALUES (?, ?, ?, 0, ?, ?, 0, ?, 'toronto-open-data', 'IMPORT')""";
        Object[] values = {importedId, capacity, available, outOfService, capacity - available - outOfService,
                utc(localNight, EDMONTON)};
        if (database == null) {
            Sql.update(insert, values);
        } else {
            database.update(insert, values);
        }
    }

    /** Requests at local times on both sides of 09:00-17:00, weekdays and weekend, across DST. */
    private void marchRequests() {
        request("2025-02-28T23:00", NORTHWEST, List.of("SAFE_HOUSE"), Map.of(), true);             // February
        request("2025-03-03T10:00", NORTHWEST, List.of("DV_SHELTER"), Map.of("gender", "WOMAN", "age", 30), false);
        request("2025-03-03T08:59", NORTHWEST, List.of("HOTEL_MOTEL"), Map.of("gender", "WOMAN", "children", 2), true);
        request("2025-03-07T17:00", NORTHWEST, List.of("DV_SHELTER", "HOTEL_MOTEL"), Map.of("gender", "WOMAN", "age", 19), false);
        request("2025-03-08T12:00", NORTHWEST, List.of(), Map.of(), false);                        // Saturday
        request("2025-03-10T17:30", NORTHWEST, List.of("DETOX"), Map.of("gender", "MAN"), true);  // EDT: after hours
        request("2025-03-10T09:30", NORTHWEST, List.of("DV_SHELTER"), Map.of("gender", "NON_BINARY", "age", 40), false);
        request("2025-03-10T23:00", NORTHWEST, List.of("TREATMENT"), Map.of(), true);            // 03-11 in UTC
        request("2025-03-05T12:00", null, List.of(), Map.of(), null);                             // no region
    }

    private void request(String local, String region, List<String> types, Map<String, Object> needs, Boolean unmet) {
        at(local, TORONTO);
        Map<String, Object> body = new HashMap<>(Map.of("types", types, "needs", needs));
        if (region != null) {
            body.put("regionCode", region);
        }
        Http.Reply reply = caseworker.post("/api/bed-requests", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        if (unmet != null) {
            assertThat(reply.map()).as(local + " " + types).containsEntry("unmet", unmet);
        }
    }

    /**
     * Five clients wait for transitional housing from 04-01 13:00Z and are placed 1, 2, 3, 4 and 10 days
     * later; two more go straight to the hotel. Chains: c2 moves to the hotel; c3 ends and starts again
     * one night later (still one episode); c4 ends and starts three nights later (two episodes). c8's hotel stay,
     * 03-28..04-03, has two nights in April (the fifth hotel guest there) but began in March.
     */
    private void aprilPlacements() {
        at("2025-04-01T12:00", ZoneOffset.UTC);
        var emergency = fixtures.facility(facility(NORTHWEST, TORONTO, "Kenora")
                .withProgram(ProgramBuilder.defaultProgram().with("type", "EMERGENCY_SHELTER")
                        .with("population", "MIXED_ADULT").withCapacity(20)));
        var hotel = fixtures.facility(facility(NORTHWEST, TORONTO, "Dryden")
                .withProgram(ProgramBuilder.defaultProgram().with("type", "HOTEL_MOTEL").with("population", "FAMILIES")
                        .with("capacityType", "ROOM").withCapacity(10).with("nightlyCost", 120.0)));
        emergencyId = emergency.programId();
        hotelId = hotel.programId();
        fixtures.admin().put("/api/programs/" + emergencyId + "/availability", Map.of("available", 20));
        fixtures.admin().put("/api/programs/" + hotelId + "/availability", Map.of("available", 10));
        long[] c = new long[9];
        for (int i = 1; i <= 8; i++) {
            c[i] = created(caseworker.post("/api/clients", Map.of("alias", "NW-" + i, "needs", Map.of())));
        }
        at("2025-04-01T13:00", ZoneOffset.UTC);
        long p8 = created(caseworker.post("/api/placements", Map.of("clientId", c[8], "programId", hotelId,
                "startDate", "2025-03-28")));
        end(p8, "2025-04-03");
        for (int i = 1; i <= 5; i++) {
            created(caseworker.post("/api/waitlist", Map.of("clientId", c[i], "type", "TRANSITIONAL_HOUSING",
                    "regionCode", NORTHWEST, "priority", 2)));
        }
        long p1 = place(c[1], emergencyId, "2025-04-02");
        long p2 = place(c[2], emergencyId, "2025-04-03");
        long p3 = place(c[3], emergencyId, "2025-04-04");
        long p4 = place(c[4], emergencyId, "2025-04-05");
        end(p1, "2025-04-06");
        end(p4, "2025-04-07");
        end(p3, "2025-04-05");
        long p3b = place(c[3], hotelId, "2025-04-06");
        at("2025-04-08T13:00", ZoneOffset.UTC);
        long p2b = created(caseworker.post("/api/placements/" + p2 + "/move",
                Map.of("toProgramId", hotelId, "date", "2025-04-08", "reason", "MAX_STAY_REACHED")));
        end(p3b, "2025-04-09");
        place(c[4], emergencyId, "2025-04-10");
        place(c[5], emergencyId, "2025-04-11");
        end(p2b, "2025-04-12");
        long p7 = place(c[7], hotelId, "2025-04-20");
        end(p7, "2025-04-22");
        long p6 = created(caseworker.post("/api/placements", Map.of("clientId", c[6], "programId", hotelId,
                "startDate", "2025-04-25", "nightlyCost", 139.5)));
        end(p6, "2025-05-03");
    }

    /** Placed at 13:00Z on the start date, so each wait is a whole number of days. */
    private long place(long clientId, long programId, String startDate) {
        at(startDate + "T13:00", ZoneOffset.UTC);
        return created(caseworker.post("/api/placements", Map.of("clientId", clientId, "programId", programId,
                "startDate", startDate)));
    }

    private void end(long placementId, String endDate) {
        Http.Reply reply = caseworker.post("/api/placements/" + placementId + "/end",
                Map.of("endDate", endDate, "reason", "HOUSED"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private void report(Http staff, long programId, String local, ZoneId zone, int available, int outOfService) {
        at(local, zone);
        Http.Reply reply = staff.put("/api/programs/" + programId + "/availability",
                Map.of("available", available, "outOfService", outOfService));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static FacilityBuilder facility(String region, ZoneId zone, String municipality) {
        return FacilityBuilder.defaultFacility().with("regionCode", region).with("timeZone", zone.getId())
                .with("municipality", municipality);
    }

    private void at(String local, ZoneId zone) {
        clock.set(LocalDateTime.parse(local).atZone(zone).toInstant());
    }

    static String utc(String local, ZoneId zone) {
        Instant instant = LocalDateTime.parse(local).atZone(zone).toInstant();
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ');
    }

    private static long created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }
}
