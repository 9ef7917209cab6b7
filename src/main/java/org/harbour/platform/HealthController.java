package org.harbour.platform;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/**
 * GET /health -> {"status":"UP"} once the database answers, 503 {"status":"DOWN"} while it does not.
 * Exactly the body API.md names: nothing about the machine or the database for anonymous callers.
 * While the database is known to be down it answers at once; the probe in {@link DatabaseStatus}
 * notices its return. Otherwise it asks the database at most once a second. GET /health/live answers without it.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthController {

    private static final Map<String, String> UP = Map.of("status", "UP");

    private final DatabaseStatus database;

    HealthController(DatabaseStatus database) {
        this.database = database;
    }

    @Get
    HttpResponse<Map<String, String>> health() {
        if (database.isUpForHealth()) {
            return HttpResponse.ok(UP);
        }
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("status", "DOWN"));
    }

    /** Liveness for load balancers and orchestrators: the process answers HTTP; it never touches the database. */
    @Get("/live")
    Map<String, String> live() {
        return UP;
    }
}
