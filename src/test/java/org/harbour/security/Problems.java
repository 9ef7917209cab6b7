package org.harbour.security;

import org.harbour.testdata.Http;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error Harbour answers is RFC 9457 problem+json with type, title, status and detail. */
final class Problems {

    private Problems() {
    }

    static Map<String, Object> assertProblem(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as("Content-Type of a %d", status).startsWith("application/problem+json");
        Map<String, Object> problem = reply.map();
        assertThat(problem).containsKeys("type", "title", "detail").containsEntry("status", status);
        assertThat(problem.get("detail").toString()).isNotBlank();
        return problem;
    }

    /** A 422 naming the field that is wrong. */
    @SuppressWarnings("unchecked")
    static void assertInvalidField(Http.Reply reply, String field) {
        Map<String, Object> problem = assertProblem(reply, 422);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).as(reply.body()).extracting(e -> e.get("field")).contains(field);
    }
}
