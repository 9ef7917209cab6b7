package org.harbour.waitlist;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.FacilityBuilder;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.MutableClock;
import org.harbour.testdata.ProgramBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.waitlist.WaitlistCalls.created;
import static org.harbour.waitlist.WaitlistCalls.number;
import static org.harbour.waitlist.WaitlistCalls.statusOf;

/**
 * One fit everywhere: a freed bed is offered to the first person in line the program would take (the search's
 * rules on her stored needs); the people it would turn away keep their place. The join answer says how many
 * fitting programs have a bed right now.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitlistFitTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;

    Fixtures fixtures;
    Http caseworker;
    WaitlistCalls calls;

    @Override
    public Map<String, String> getProperties() {
        return MutableClock.properties();
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        caseworker = fixtures.caseworker(Fixtures.unique("Fit outreach"));
        calls = new WaitlistCalls(fixtures, caseworker, clock);
    }

    @RepeatedTest(5)
    void twoProgramsFreeBedsAtOnceWhileThreePeopleWaitAndEachOfferGoesToTheFirstPersonItFits() throws Exception {
        String[] quiet = calls.quietTypeAndRegion();
        String type = quiet[0];
        String region = quiet[1];
        long noChildren = program(type, region, ProgramBuilder.defaultProgram().with("type", type).withCapacity(2)
                .withEligibility("acceptsChildren", false));
        long menOnly = program(type, region, ProgramBuilder.defaultProgram().with("type", type).withCapacity(2)
                .withEligibility("genders", List.of("MAN")));
        // in line order: a mother (fits neither), a woman alone (fits the no-children one), a man (fits men only)
        long mother = join(client("WOMAN", Map.of("children", 1)), type, region, 1);
        long woman = join(client("WOMAN", Map.of()), type, region, 2);
        long man = join(client("MAN", Map.of()), type, region, 3);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> frees = List.of(noChildren, menOnly).stream().map(program -> pool.submit(() -> {
                start.await();
                return fixtures.admin().put("/api/programs/" + program + "/availability", Map.of("available", 1))
                        .status();
            })).toList();
            start.countDown(); // both programs gain a bed at the same moment
            for (Future<Integer> free : frees) {
                assertThat(free.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statusOf(mother)).as("takes no children / men only: she keeps her place").isEqualTo("WAITING");
        assertThat(offeredProgram(woman)).isEqualTo(noChildren);
        assertThat(offeredProgram(man)).isEqualTo(menOnly);
        assertThat(calls.counts(noChildren)).containsEntry("held", 1).containsEntry("bookable", 0);
        assertThat(calls.counts(menOnly)).containsEntry("held", 1).containsEntry("bookable", 0);
    }

    @Test
    void aBedNobodyInLineFitsStaysBookableForTheSearch() {
        String[] quiet = calls.quietTypeAndRegion();
        long noChildren = program(quiet[0], quiet[1], ProgramBuilder.defaultProgram().with("type", quiet[0])
                .withCapacity(2).withEligibility("acceptsChildren", false));
        long mother = join(client("WOMAN", Map.of("children", 2)), quiet[0], quiet[1], 1);

        calls.free(noChildren, 1);

        assertThat(statusOf(mother)).isEqualTo("WAITING");
        assertThat(calls.counts(noChildren)).containsEntry("held", 0).containsEntry("bookable", 1);
    }

    @Test
    void theJoinAnswerCountsTheFittingProgramsWithABedNow() {
        String[] quiet = calls.quietTypeAndRegion();
        long fits = program(quiet[0], quiet[1], ProgramBuilder.defaultProgram().with("type", quiet[0]).withCapacity(2));
        long noChildren = program(quiet[0], quiet[1], ProgramBuilder.defaultProgram().with("type", quiet[0])
                .withCapacity(2).withEligibility("acceptsChildren", false));
        long full = program(quiet[0], quiet[1], ProgramBuilder.defaultProgram().with("type", quiet[0]).withCapacity(2));
        calls.free(fits, 1);
        calls.free(noChildren, 1);

        long mother = client("WOMAN", Map.of("children", 1));
        Map<String, Object> byRegion = caseworker.post("/api/waitlist", Map.of("clientId", mother, "type", quiet[0],
                "regionCode", quiet[1])).map();
        assertThat(byRegion).containsEntry("status", "WAITING").containsEntry("bookableNow", 1);
        Map<String, Object> onFullProgram = caseworker.post("/api/waitlist", Map.of("clientId", mother,
                "programId", full)).map();
        assertThat(onFullProgram).containsEntry("bookableNow", 0);
        Map<String, Object> onUnfitProgram = caseworker.post("/api/waitlist", Map.of("clientId",
                client("WOMAN", Map.of("children", 3)), "programId", noChildren)).map();
        assertThat(onUnfitProgram).as("a bed she cannot take is not one she could have now").containsEntry("bookableNow", 0);
    }

    private long program(String type, String region, ProgramBuilder program) {
        return fixtures.facility(FacilityBuilder.defaultFacility().with("regionCode", region).withProgram(program))
                .programId();
    }

    private long client(String gender, Map<String, Object> needs) {
        return created(caseworker.post("/api/clients", Map.of("alias", Fixtures.unique("Fit").replace(' ', '-'),
                "gender", gender, "needs", needs)));
    }

    private long join(long client, String type, String region, int priority) {
        clock.advance(Duration.ofSeconds(1));
        return created(caseworker.post("/api/waitlist", Map.of("clientId", client, "type", type, "regionCode", region,
                "priority", priority)));
    }

    private long offeredProgram(long entry) {
        Map<String, Object> open = caseworker.get("/api/waitlist").list().stream()
                .filter(e -> number(e.get("id")) == entry).findFirst().orElseThrow();
        assertThat(open).containsEntry("status", "OFFERED");
        return number(open.get("offeredProgramId"));
    }
}
