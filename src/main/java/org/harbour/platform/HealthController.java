package org.harbour.platform;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.Map;

/**
 * GET /health -> {"status":"UP"} once the database answers, 503 {"status":"DOWN"} while it does not.
 * Exactly the body API.md names: nothing about the machine or the database for anonymous callers.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthController {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    HealthController(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Get
    HttpResponse<Map<String, String>> health() {
        try {
            transactions.executeRead(status -> jdbc.prepareStatement("SELECT 1", statement -> statement.execute()));
            return HttpResponse.ok(Map.of("status", "UP"));
        } catch (RuntimeException databaseUnreachable) {
            return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .body(Map.of("status", "DOWN"));
        }
    }
}
