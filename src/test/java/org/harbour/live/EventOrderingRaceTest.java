package org.harbour.live;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Event seqs are handed out before commit, so concurrent writers commit them out of order unless
 * appends are serialized; a tailer that only remembers the last seq would then skip or repeat one.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventOrderingRaceTest implements HarbourTest {

    static final int WRITERS = 6;
    static final int PUTS = 30;
    static final int CAPACITY = 20;
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    EventLog eventLog;

    Fixtures fixtures;
    EventTable events;
    List<Http> listeningUsers;

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
        events = new EventTable(context);
        listeningUsers = List.of(fixtures.admin(), fixtures.caseworker("Street Outreach Toronto"), fixtures.funder());
    }

    @RepeatedTest(3)
    void everyListenerGetsEveryChangeExactlyOnceInSeqOrder() throws Exception {
        List<Long> programs = IntStream.range(0, 3).mapToObj(i -> fixtures.facilityWithBeds(CAPACITY, 0).programId()).toList();
        long sentinel = fixtures.facilityWithBeds(4, 0).programId();
        List<LiveClient> listeners = new ArrayList<>();
        try {
            List<Long> snapshotSeqs = new ArrayList<>();
            for (Http user : listeningUsers) {
                LiveClient listener = LiveClient.connect(server.getURI(), user.token(), null);
                listeners.add(listener);
                Map<String, Object> snapshot = listener.next(WAIT);
                assertThat(snapshot).containsEntry("type", "snapshot");
                snapshotSeqs.add(LiveClient.seq(snapshot));
            }

            Race.report(List.of(fixtures.admin()), WRITERS, PUTS, programs, CAPACITY);
            Http.Reply last = fixtures.admin().put("/api/programs/" + sentinel + "/availability", Map.of("available", 1));
            assertThat(last.status()).isEqualTo(200);

            List<Long> committed = events.changeSeqs(programs);
            for (int i = 0; i < listeners.size(); i++) {
                long snapshotSeq = snapshotSeqs.get(i);
                List<Long> expected = committed.stream().filter(seq -> seq > snapshotSeq).toList();
                assertThat(expected).hasSize(WRITERS * PUTS);
                List<Map<String, Object>> received = Streams.untilChangeOf(listeners.get(i), sentinel, WAIT);
                Streams.assertSeqsStrictlyIncrease(received);
                assertThat(Streams.changeSeqs(received, programs)).as("listener %d", i).containsExactlyElementsOf(expected);
            }
        } finally {
            listeners.forEach(LiveClient::close);
        }
    }

    @Test
    void aRolledBackEventIsNeverSentAndItsSeqGapDoesNotStallTheStream() {
        long program = fixtures.facilityWithBeds(4, 0).programId();
        try (LiveClient listener = LiveClient.connect(server.getURI(), fixtures.admin().token(), null)) {
            listener.next(WAIT);
            events.appendAndRollBack("hold.created", program, Map.of("programId", program, "holdId", 1));
            Http.Reply reply = fixtures.admin().put("/api/programs/" + program + "/availability", Map.of("available", 2));
            assertThat(reply.status()).isEqualTo(200);

            assertThat(Streams.untilChangeOf(listener, program, WAIT)).extracting(m -> m.get("type"))
                    .containsExactly(Streams.CHANGED);
        }
    }

    @Test
    void anEventCannotBeAppendedOutsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> eventLog.append(EventType.HOLD_CREATED, 1L, null, null, Map.of()))
                .isInstanceOf(IllegalStateException.class);
    }
}
