package org.harbour.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.organization.Organization;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertInvalidField;
import static org.harbour.testdata.Problems.assertProblem;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserApiTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;
    Http admin;
    long facilityId;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        admin = fixtures.admin();
        facilityId = fixtures.facilityWithBeds(5, 1).id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    void anAdminCreatesAUserOfEachRoleAndOnlyABcryptHashIsKept(String role) {
        Map<String, Object> body = newUser(role);

        Http.Reply reply = admin.post("/api/users", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.map()).containsEntry("username", body.get("username")).containsEntry("role", role)
                .containsKey("id");
        assertNoSecrets(reply.map());
        String hash = (String) Sql.row("SELECT password_hash FROM users WHERE id = ?", reply.id())
                .get("password_hash");
        assertThat(hash).startsWith("$2").isNotEqualTo(body.get("password")).doesNotContain((String) body.get("password"));
        assertThat(fixtures.anonymous().login((String) body.get("username"), (String) body.get("password")).token()).isNotBlank();
    }

    @Test
    void theUserListShowsNoPasswordOrHash() {
        fixtures.createUser("FUNDER", "Ontario Housing Fund");

        Http.Reply reply = admin.get("/api/users");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.list()).isNotEmpty().allSatisfy(UserApiTest::assertNoSecrets);
        assertThat(reply.body()).doesNotContain("$2");
    }

    @ParameterizedTest(name = "{0} -> 422 on {1}")
    @CsvSource({
            "password of 11 characters, password",
            "unknown role,              role",
            "staff without facilities,  facilityIds",
            "unknown facility,          facilityIds"})
    void anInvalidUserIsRefusedWithItsFieldAndChangesNothing(String mistake, String field) {
        Map<String, Object> body = switch (mistake) {
            case "password of 11 characters" -> with(newUser("CASEWORKER"), "password", "eleven-char");
            case "unknown role" -> with(newUser("CASEWORKER"), "role", "SUPERUSER");
            case "staff without facilities" -> with(newUser("SHELTER_STAFF"), "facilityIds", List.of());
            default -> with(newUser("SHELTER_STAFF"), "facilityIds", List.of(facilityId, 987_654_321L));
        };

        Http.Reply reply = unchanged(() -> admin.post("/api/users", body));

        assertInvalidField(reply, field);
    }

    @Test
    void aTakenUsernameIsAConflictWhateverItsCase() {
        String taken = fixtures.createUser("CASEWORKER", "Street Outreach Toronto");

        for (String username : List.of(taken, taken.toUpperCase())) {
            Http.Reply reply = unchanged(() -> admin.post("/api/users", with(newUser("FUNDER"), "username", username)));
            assertProblem(reply, 409);
        }
    }

    @Test
    void racingCreatesOfOneUsernameMakeOneUserAndConflicts() throws Exception {
        Map<String, Object> body = newUser("FUNDER");

        List<Integer> statuses = inParallel(8, i -> admin.post("/api/users", body).status());

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(Sql.number("SELECT COUNT(*) FROM users WHERE username = ?", body.get("username"))).isEqualTo(1);
    }

    @Test
    void racingCreatesInANewOrganizationAllSucceed() throws Exception {
        String organization = Fixtures.unique("New Outreach Team");

        List<Integer> statuses = inParallel(8, i -> admin.post("/api/users",
                with(newUser("CASEWORKER"), "organization", organization)).status());

        assertThat(statuses).containsOnly(201);
        assertThat(Sql.number("SELECT COUNT(*) FROM organizations WHERE name = ?", organization)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    void onlyAnAdminCreatesOrListsUsers(String role) {
        Http caller = fixtures.as(role, "Harbour Society", facilityId);

        assertProblem(unchanged(() -> caller.post("/api/users", newUser("ADMIN"))), 403);
        assertProblem(caller.get("/api/users"), 403);
    }

    private Map<String, Object> newUser(String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", Fixtures.unique("user").replace(' ', '-'));
        body.put("password", "a-password-of-some-length");
        body.put("role", role);
        body.put("organization", Fixtures.unique("Organization"));
        body.put("facilityIds", role.equals("SHELTER_STAFF") ? List.of(facilityId) : List.of());
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    /** Sends the request and proves it left users, organizations and assignments as they were. */
    private Http.Reply unchanged(Callable<Http.Reply> request) {
        List<Long> before = counts();
        Http.Reply reply;
        try {
            reply = request.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(counts()).as("rows after a refused create").isEqualTo(before);
        return reply;
    }

    private List<Long> counts() {
        return List.of(Sql.number("SELECT COUNT(*) FROM users"), Sql.number("SELECT COUNT(*) FROM organizations"),
                Sql.number("SELECT COUNT(*) FROM user_facilities"));
    }

    private static void assertNoSecrets(Map<String, Object> user) {
        // mustChangePassword is a flag, not a secret
        assertThat(user.keySet()).filteredOn(key -> !key.equals("mustChangePassword"))
                .noneMatch(key -> key.toLowerCase().contains("password") || key.toLowerCase().contains("hash"));
    }

    private static List<Integer> inParallel(int count, Function<Integer, Integer> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, count).<Callable<Integer>>mapToObj(i -> () -> call.apply(i)).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                try {
                    statuses.add(future.get());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
