package org.harbour.platform;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.harbour.problem.Problem;

/** No connection could be had from the pool: the database is down or unreachable, so 503. */
@Produces
@Singleton
class ConnectionFailureHandler implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {

    private final DatabaseStatus database;

    ConnectionFailureHandler(DatabaseStatus database) {
        this.database = database;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConnectionException exception) {
        database.failed(exception);
        return DatabaseUnavailableHandler.respond(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
