package org.harbour.event;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.harbour.platform.EmbeddedDatabase;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.SqlAt;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Galera (wsrep_auto_increment_control) AUTO_INCREMENT steps by the cluster size, so a transaction's events
 * do not have consecutive seqs. Here this context's sessions step by 3, as on a three-node cluster: the seq a
 * commit announces to the local tailers is still the last one it wrote.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SteppingSeqTest implements HarbourTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Announced announced;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties(Map.of(
                "harbour.database.url", TestDatabase.get().jdbcUrl() + "&sessionVariables=auto_increment_increment=3",
                "harbour.test.announced-seqs", "true"));
    }

    @Test
    void aCommitAnnouncesItsLastSeqWhenSeqsStepByTheClusterSize() {
        Fixtures fixtures = new Fixtures(server.getURI());
        Http caseworker = fixtures.caseworker(Fixtures.unique("Stepping Outreach"));
        long program = fixtures.facilityWithBeds(4, 4).programId();
        long client = Fixtures.clientOf(caseworker);
        SqlAt sql = new SqlAt(TestDatabase.get().jdbcUrl(), EmbeddedDatabase.USER, "");
        long before = sql.number("SELECT COALESCE(MAX(seq), 0) FROM events");

        Http.Reply hold = caseworker.post("/api/programs/" + program + "/holds", Map.of("clientId", client, "minutes", 30));

        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        List<Long> written = sql.numbers("SELECT seq FROM events WHERE seq > ? AND program_id = ? ORDER BY seq", before, program);
        assertThat(written).as("one transaction's events, 3 apart").hasSize(2);
        assertThat(written.get(1) - written.get(0)).isEqualTo(3);
        assertThat(announced.seqs).contains(written.get(1)).doesNotContain(written.get(0) + 1);
    }

    /** The seqs commits announce (EventsCommitted), in this test's context only. */
    @Singleton
    @Requires(property = "harbour.test.announced-seqs", value = "true")
    static class Announced {
        final List<Long> seqs = new CopyOnWriteArrayList<>();

        @EventListener
        void onCommitted(EventsCommitted committed) {
            seqs.add(committed.seq());
        }
    }
}
