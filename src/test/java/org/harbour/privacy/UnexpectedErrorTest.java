package org.harbour.privacy;

import ch.qos.logback.classic.Level;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/** A bug's exception may quote personal data: the caller gets a bare 500 problem, the log (MessageFreeExceptions) the classes and frames only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnexpectedErrorTest implements HarbourTest {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("harbour.test.failing-route", "true");
        return properties;
    }

    @Test
    void anUnexpectedExceptionIsA500ProblemAndItsMessageReachesNeitherCallerNorLog() {
        Http.Reply reply;
        try (LogCapture log = new LogCapture(Level.INFO)) {
            reply = Http.at(server.getURI()).get("/test/failing");

            assertThat(log.rawLines()).anyMatch(line -> line.contains("IllegalStateException") && line.contains("SQLException"))
                    .noneMatch(line -> line.contains(FailingRoute.SECRET));
            assertThat(log.encodedLines()).noneMatch(line -> line.contains(FailingRoute.SECRET));
        }
        assertProblem(reply, 500);
        assertThat(reply.body()).doesNotContain(FailingRoute.SECRET);
    }
}
