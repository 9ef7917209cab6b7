package org.harbour.platform;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.harbour.problem.Problem;

/** The one 503 a caller gets while the database is unreachable: problem+json with Retry-After. */
public final class ServiceUnavailable {

    private ServiceUnavailable() {
    }

    public static MutableHttpResponse<Problem> response() {
        return DatabaseUnavailableHandler.respond(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
