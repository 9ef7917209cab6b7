package org.harbour.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.Sql;
import org.harbour.testdata.SecondInstance;
import org.harbour.testdata.WrittenBehind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.search.Searches.general;

/**
 * A bed request's id is in its answer before the request is written (issue 20), taken from blocks each instance
 * takes from the database (V32). Two instances answering at once, past several blocks each, never hand out an id
 * twice, and every request they answered is written; a row written by hand without an id is refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class BedRequestIdsTest implements HarbourTest {

    @Inject
    EmbeddedServer a;

    SecondInstance b;
    Fixtures fixtures;
    Http caseworkerOnA;
    Http caseworkerOnB;

    @BeforeAll
    void startSecondInstance() {
        b = SecondInstance.start();
        fixtures = new Fixtures(a.getURI());
        caseworkerOnA = fixtures.caseworker(Fixtures.unique("Ids outreach"));
        caseworkerOnB = b.as(caseworkerOnA);
    }

    @AfterAll
    void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void twoInstancesAnsweringAtOnceNeverGiveOneIdTwiceAndWriteEveryRequest() throws Exception {
        Searches searches = Searches.inNewRegion(fixtures, caseworkerOnA);
        searches.program(general(), 3);
        int perThread = 60; // 4 threads x 60 x 2 instances: each instance takes more than one block of 100
        List<Callable<List<Long>>> work = new ArrayList<>();
        for (Http caseworker : List.of(caseworkerOnA, caseworkerOnB)) {
            for (int t = 0; t < 4; t++) {
                work.add(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Http.Reply reply = caseworker.post("/api/bed-requests",
                                Map.of("regionCode", searches.region(), "needs", Map.of()));
                        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                        ids.add(reply.id());
                    }
                    return ids;
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        List<Long> answered = new ArrayList<>();
        try {
            for (Future<List<Long>> done : pool.invokeAll(work)) {
                answered.addAll(done.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Long> distinct = new HashSet<>(answered);
        assertThat(distinct).hasSize(8 * perThread);

        WrittenBehind.awaitAll();
        assertThat(Sql.number("SELECT COUNT(*) FROM bed_requests WHERE region_code = ?", searches.region()))
                .isEqualTo(8L * perThread);
        assertThat(Sql.rows("SELECT id FROM bed_requests WHERE region_code = ?", searches.region()))
                .extracting(r -> ((Number) r.get("id")).longValue()).containsExactlyInAnyOrderElementsOf(distinct);
    }

    @Test
    void aRowWrittenWithoutAnIdOfTheBlocksIsRefused() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Sql.update(
                "INSERT INTO bed_requests (user_id, needs, admit_now, match_count, unmet, created_at)"
                        + " VALUES (1, '{}', FALSE, 0, TRUE, UTC_TIMESTAMP(6))")))
                .hasMessageContaining("id");
    }
}
