package org.harbour.testdata;

import org.harbour.problem.FieldCode;
import org.harbour.problem.ProblemCode;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses (API.md "Errors"). */
public final class Problems {

    private Problems() {
    }

    /** The reply is a problem+json of this status, with type, title, status and detail, and nothing internal. */
    public static Map<String, Object> assertProblem(Http.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as("content type").startsWith("application/problem+json");
        Map<String, Object> problem = reply.map();
        assertThat(problem).containsKeys("type", "title", "status", "detail").containsEntry("status", status);
        assertThat(problem.get("detail").toString()).isNotBlank();
        assertCoded(reply);
        assertNothingInternal(reply);
        return problem;
    }

    /** The fields named in a 422's errors[]. */
    @SuppressWarnings("unchecked")
    public static List<String> errorFields(Http.Reply reply) {
        Map<String, Object> problem = assertProblem(reply, 422);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).as("errors[] of " + reply.body()).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsKeys("field", "message"));
        return errors.stream().map(e -> (String) e.get("field")).toList();
    }

    /** A 422 naming the field that is wrong. */
    public static void assertInvalidField(Http.Reply reply, String field) {
        assertThat(errorFields(reply)).as(reply.body()).contains(field);
    }

    /**
     * Issue 19: every problem says what went wrong as a code the dashboard translates (ProblemCode), and every
     * field at fault too (FieldCode), so no French screen has to show the English detail. Http checks this on
     * every problem+json reply of every test.
     */
    @SuppressWarnings("unchecked")
    public static void assertCoded(Http.Reply reply) {
        Map<String, Object> problem = reply.map();
        assertThat(problem.get("code")).as("code of " + reply.body()).isNotNull();
        assertThat(ProblemCode.valueOf(problem.get("code").toString())).isNotNull();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                Object code = ((Map<String, Object>) error).get("code");
                assertThat(code).as("code of each field error in " + reply.body()).isNotNull();
                assertThat(FieldCode.valueOf(code.toString())).isNotNull();
            }
        }
    }

    /**
     * The database's word "SQL" on its own (as in "your SQL syntax"), not inside a random token: a feed
     * key such as hfk_...GrYSQLbY is base64url and may spell it by chance.
     */
    private static final Pattern SQL_WORD = Pattern.compile("(?<![A-Za-z0-9_-])SQL(?![A-Za-z0-9_-])");

    /** No stack trace, Java class, framework name or database message reaches a caller. */
    public static void assertNothingInternal(Http.Reply reply) {
        assertThat(reply.body()).as("body of a " + reply.status())
                .doesNotContain("Exception", "\tat ", "at org.", "at java.", "java.lang", "io.micronaut",
                        "org.harbour", "com.mysql", "SQLState", "Caused by", "jdk.")
                .doesNotContainPattern(SQL_WORD);
    }
}
