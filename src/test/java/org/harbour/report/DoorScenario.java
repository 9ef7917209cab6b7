package org.harbour.report;

import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.ProgramBuilder;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds that end at the door, driven through the real API (a caseworker holds, the facility's staff check her in
 * with her code, record a no-show, or decline with a reason), with the service clock set to chosen local times.
 * Regions ON-EAST (Toronto time) and BC-NORTH (Vancouver time), 2023 dates: no other test has door outcomes there.
 *
 * September 2023, one person per outcome:
 * <pre>
 *                      arrived  no-show  refused (reason)
 *   ON-EAST  DV            3        2     3 SUBSTANCE_USE, 1 GENDER
 *   ON-EAST  EMERGENCY     3        3     3 SUBSTANCE_USE, 2 CHILDREN
 *   BC-NORTH DV            2        3     2 SUBSTANCE_USE, 4 GENDER (one at 23:30 on 09-30, 06:30Z on 10-01)
 *   BC-NORTH EMERGENCY     3        2     2 SUBSTANCE_USE, 1 SAFETY
 * </pre>
 * October 2023, ON-EAST DV: 5 no-shows by 2 people (3 and 2), and 5 people refused for OTHER.
 * August 2023, ON-EAST DV: an arrival at 22:00 on 08-31 Toronto time (02:00Z on 09-01): not September's.
 */
final class DoorScenario {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final String EAST = "ON-EAST";
    static final String NORTH = "BC-NORTH";

    private final Fixtures fixtures;
    private final MutableClock clock;
    private Http caseworker;

    /** Every arrival code and alias handed out, which no funder may ever read. */
    final List<String> secrets = new ArrayList<>();

    DoorScenario(Fixtures fixtures, MutableClock clock) {
        this.fixtures = fixtures;
        this.clock = clock;
    }

    private record Door(long programId, Http staff, ZoneId zone) {
    }

    void build() {
        at("2023-08-01T12:00", TORONTO);
        caseworker = fixtures.caseworker(Fixtures.unique("Door report outreach"));
        Door eastDv = door(EAST, TORONTO, "DV_SHELTER", "WOMEN");
        Door eastEmergency = door(EAST, TORONTO, "EMERGENCY_SHELTER", "MIXED_ADULT");
        Door northDv = door(NORTH, VANCOUVER, "DV_SHELTER", "WOMEN");
        Door northEmergency = door(NORTH, VANCOUVER, "EMERGENCY_SHELTER", "MIXED_ADULT");

        arrive(eastDv, "2023-08-31T22:00");
        outcomes(eastDv, "2023-09-04", 3, 2, Map.of("SUBSTANCE_USE", 3, "GENDER", 1));
        outcomes(eastEmergency, "2023-09-12", 3, 3, Map.of("SUBSTANCE_USE", 3, "CHILDREN", 2));
        outcomes(northDv, "2023-09-18", 2, 3, Map.of("SUBSTANCE_USE", 2, "GENDER", 3));
        decline(northDv, "2023-09-30T23:30", "GENDER", client());
        outcomes(northEmergency, "2023-09-25", 3, 2, Map.of("SUBSTANCE_USE", 2, "SAFETY", 1));

        long often = client();
        long twice = client();
        for (int i = 0; i < 3; i++) {
            noShow(eastDv, "2023-10-0" + (2 + i) + "T19:00", often);
        }
        noShow(eastDv, "2023-10-06T19:00", twice);
        noShow(eastDv, "2023-10-07T19:00", twice);
        for (int i = 0; i < 5; i++) {
            decline(eastDv, "2023-10-1" + i + "T20:00", "OTHER", client());
        }
        at("2023-11-15T12:00", TORONTO);
    }

    /** On the day, from 10:00 local on, one outcome an hour, each for a person of her own. */
    private void outcomes(Door door, String day, int arrivals, int noShows, Map<String, Integer> refusals) {
        int hour = 10;
        for (int i = 0; i < arrivals; i++) {
            arrive(door, day + "T" + hour++ + ":00");
        }
        for (int i = 0; i < noShows; i++) {
            noShow(door, day + "T" + hour++ + ":00", client());
        }
        for (Map.Entry<String, Integer> reason : refusals.entrySet()) {
            for (int i = 0; i < reason.getValue(); i++) {
                decline(door, day + "T" + hour++ + ":00", reason.getKey(), client());
            }
        }
    }

    private void arrive(Door door, String local) {
        Map<String, Object> hold = hold(door, local, client());
        Http.Reply placed = door.staff().post("/api/holds/" + id(hold) + "/arrive",
                Map.of("arrivalCode", hold.get("arrivalCode")));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    private void noShow(Door door, String local, long client) {
        Http.Reply reply = door.staff().post("/api/holds/" + id(hold(door, local, client)) + "/no-show", Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private void decline(Door door, String local, String reason, long client) {
        Http.Reply reply = door.staff().post("/api/holds/" + id(hold(door, local, client)) + "/decline",
                Map.of("reason", reason));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** Held at that local time, and ended at the door at the same instant. */
    private Map<String, Object> hold(Door door, String local, long client) {
        at(local, door.zone());
        Http.Reply reply = caseworker.post("/api/programs/" + door.programId() + "/holds",
                Map.of("clientId", client, "minutes", 60));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        secrets.add((String) reply.map().get("arrivalCode"));
        return reply.map();
    }

    private long client() {
        String alias = Fixtures.unique("DR").replace(' ', '-');
        secrets.add(alias);
        Http.Reply reply = caseworker.post("/api/clients", Map.of("alias", alias));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private Door door(String region, ZoneId zone, String type, String population) {
        var facility = fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", region)
                .with("timeZone", zone.getId()).with("municipality", region.startsWith("BC") ? "Prince George" : "Kingston")
                .withProgram(ProgramBuilder.defaultProgram().with("type", type).with("population", population)
                        .withCapacity(40)));
        Http.Reply reply = fixtures.admin().put("/api/programs/" + facility.programId() + "/availability",
                Map.of("available", 40, "outOfService", 0));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return new Door(facility.programId(), fixtures.staffOf(facility.id()), zone);
    }

    private static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }

    private void at(String local, ZoneId zone) {
        clock.set(LocalDateTime.parse(local).atZone(zone).toInstant());
    }
}
