package org.harbour.startup;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What API.md "Running" promises of a failed start: the process exits non-zero, and its output holds exactly
 * one ERROR line, "Harbour cannot start: " and the cause, with no stack trace anywhere (at the default
 * level) and none of the secrets it was given.
 */
final class OneLineCause {

    static final Duration FAILED_START = Duration.ofSeconds(120);

    private OneLineCause() {
    }

    /** Waits for the failed start and checks its output; the cause line. */
    static String of(HarbourProcess harbour, List<String> secrets, String... fragments) throws InterruptedException {
        int status = harbour.awaitExit(FAILED_START);
        String output = harbour.output();
        List<JsonNode> events = harbour.events();
        List<String> errors = events.stream().filter(e -> e.path("level").asText().equals("ERROR"))
                .map(e -> e.path("message").asText()).toList();

        assertThat(status).as("exit status; output:\n%s", output).isNotZero();
        assertThat(errors).as("ERROR lines; output:\n%s", output).hasSize(1);
        String line = errors.get(0);
        assertThat(line).as(output).startsWith("Harbour cannot start: ").contains(fragments).doesNotContain("\n");
        assertThat(events).as("no stack trace at the default level; output:\n%s", output)
                .noneMatch(e -> e.has("stack_trace"));
        assertThat(harbour.standardError()).as("standard error").doesNotContain("\tat ", "Exception");
        for (String secret : secrets) {
            assertThat(output).as("a secret in the output").doesNotContain(secret);
        }
        System.out.println("START-UP LINE: " + line);
        return line;
    }
}
