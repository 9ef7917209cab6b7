package org.harbour.privacy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A route that fails with personal data in its exception, only in UnexpectedErrorTest's context. */
@Requires(property = "harbour.test.failing-route", value = "true")
@Controller("/test/failing")
@Secured(SecurityRule.IS_ANONYMOUS)
class FailingRoute {

    static final String SECRET = "ALIAS-IN-AN-EXCEPTION-4242";

    @Get
    String fail() {
        throw new IllegalStateException("could not handle " + SECRET,
                new java.sql.SQLException("Incorrect string value: '" + SECRET + "' for column 'alias'", "22007", 1366));
    }
}
