package org.harbour.platform;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.harbour.problem.Problem;

/**
 * The pool could not hand out a JDBC connection within its timeout: the database is down or unreachable.
 * Micronaut Data raises this outside the DataAccessException family, so without this handler a database
 * outage answered 500 instead of a fast 503 with Retry-After.
 */
@Produces
@Singleton
class NoConnectionHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {

    private final DatabaseStatus database;

    NoConnectionHandler(DatabaseStatus database) {
        this.database = database;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        database.failed(exception);
        return DatabaseUnavailableHandler.respond(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
