package org.harbour.testdata;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates what tests need through the public API, as an ADMIN would. */
public final class Fixtures {

    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);
    public static final String PASSWORD = "a-long-test-password";
    /** What an admin gives a new user; the fixtures change it to {@link #PASSWORD} at the first sign-in. */
    public static final String INITIAL_PASSWORD = "an-initial-test-password";

    private final Http anonymous;
    private final Http admin;

    public Fixtures(URI base) {
        this.anonymous = Http.at(base);
        this.admin = anonymous.login(TestDatabase.ADMIN_USERNAME, TestDatabase.ADMIN_PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + " " + COUNTER.incrementAndGet();
    }

    public Http anonymous() {
        return anonymous;
    }

    public Http admin() {
        return admin;
    }

    public record CreatedFacility(long id, List<Long> programIds, Map<String, Object> body) {
        public long programId() {
            return programIds.get(0);
        }
    }

    public CreatedFacility facility(FacilityBuilder builder) {
        Http.Reply reply = admin.post("/api/facilities", builder.build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Map<String, Object> body = reply.map();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> programs = (List<Map<String, Object>>) body.get("programs");
        return new CreatedFacility(reply.id(), programs.stream().map(p -> ((Number) p.get("id")).longValue()).toList(), body);
    }

    /** A facility with one program of the given capacity and that many beds reported available. */
    public CreatedFacility facilityWithBeds(int capacity, int available) {
        CreatedFacility facility = facility(FacilityBuilder.defaultFacility()
                .withProgram(ProgramBuilder.defaultProgram().withCapacity(capacity)));
        Http.Reply reply = admin.put("/api/programs/" + facility.programId() + "/availability",
                Map.of("available", available, "outOfService", 0));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return facility;
    }

    /** A new user who has signed in once and changed the admin-set password to {@link #PASSWORD}. */
    public String createUser(String role, String organization, Long... facilityIds) {
        String username = createUserWithInitialPassword(role, organization, facilityIds);
        changePassword(anonymous.login(username, INITIAL_PASSWORD), INITIAL_PASSWORD, PASSWORD);
        return username;
    }

    /** A new user as the admin made her: her password is {@link #INITIAL_PASSWORD} and must be changed. */
    public String createUserWithInitialPassword(String role, String organization, Long... facilityIds) {
        String username = unique(role.toLowerCase()).replace(' ', '-');
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", INITIAL_PASSWORD);
        body.put("role", role);
        body.put("organization", organization);
        body.put("facilityIds", Arrays.asList(facilityIds));
        Http.Reply reply = admin.post("/api/users", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return username;
    }

    /** POST /api/users/me/password as that user (204 expected). */
    public static void changePassword(Http user, String current, String next) {
        Http.Reply reply = user.post("/api/users/me/password", Map.of("currentPassword", current, "newPassword", next));
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    }

    /** A signed-in user of the role; staff work at the given facilities. */
    public Http as(String role, String organization, Long... facilityIds) {
        return anonymous.login(createUser(role, organization, facilityIds), PASSWORD);
    }

    public Http staffOf(long facilityId) {
        return as("SHELTER_STAFF", "Harbour Society", facilityId);
    }

    public Http caseworker(String organization) {
        return as("CASEWORKER", organization);
    }

    /** A new client of the caseworker's organization (a caseworker's hold names one), by a unique alias. */
    public static long clientOf(Http caseworker) {
        Http.Reply reply = caseworker.post("/api/clients", Map.of("alias", unique("Client").replace(' ', '-')));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    public Http funder() {
        return as("FUNDER", "Ontario Housing Fund");
    }
}
