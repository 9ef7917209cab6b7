package org.harbour.platform;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.DatabaseErrors;
import org.harbour.problem.LogSafe;
import org.harbour.problem.Problem;
import org.harbour.problem.ProblemResponseProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * When the database cannot be reached, callers get a fast 503 with Retry-After rather than a 500;
 * anything else that fails in the data layer is our fault and stays a 500 (logged without data).
 */
@Produces
@Singleton
class DatabaseUnavailableHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseStatus database;

    DatabaseUnavailableHandler(DatabaseStatus database) {
        this.database = database;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        if (DatabaseErrors.isLockConflict(exception)) {
            // Two changes crossed (a deadlock or a lock wait timeout); the database undid ours whole.
            return HttpResponse.<Problem>status(HttpStatus.CONFLICT).contentType(ProblemResponseProcessor.PROBLEM_JSON)
                    .header("Retry-After", "1")
                    .body(Problem.of(HttpStatus.CONFLICT, ProblemCode.CONCURRENT_CHANGE,
                            "A concurrent change got in the way; nothing was changed, try again"));
        }
        if (DatabaseErrors.isDuplicateKey(exception)) {
            // a unique key caught what a check-then-insert race let through
            return HttpResponse.<Problem>status(HttpStatus.CONFLICT).contentType(ProblemResponseProcessor.PROBLEM_JSON)
                    .body(Problem.of(HttpStatus.CONFLICT, ProblemCode.DUPLICATE_RECORD,
                            "This conflicts with an existing record; nothing was changed"));
        }
        database.failed(exception);
        HttpStatus status = DatabaseErrors.isConnectionFailure(exception) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            LOG.error("Data access failed on {} {}", request.getMethodName(), request.getPath(),
                    LogSafe.withoutMessages(exception));
        } else {
            // a link that broke under one request (a cluster node gone, a connection killed) says what broke, by
            // codes only: the driver's messages may quote the statement and its values
            LOG.warn("Answered 503 to {} {}: the database link broke ({})", request.getMethodName(), request.getPath(),
                    linkFailure(exception));
        }
        return respond(status);
    }

    /** The innermost SQL failure's class, SQLSTATE and error code, e.g. "CommunicationsException, SQLSTATE 08S01". */
    static String linkFailure(Throwable failure) {
        java.sql.SQLException innermost = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                innermost = sql;
            }
        }
        if (innermost == null) {
            return failure.getClass().getSimpleName();
        }
        return innermost.getClass().getSimpleName() + ", SQLSTATE " + innermost.getSQLState() + ", error "
                + innermost.getErrorCode();
    }

    static MutableHttpResponse<Problem> respond(HttpStatus status) {
        Problem problem = status == HttpStatus.SERVICE_UNAVAILABLE
                ? Problem.of(status, ProblemCode.DATABASE_UNAVAILABLE, "The database is unreachable; try again shortly")
                : Problem.of(status, ProblemCode.INTERNAL_ERROR, "Something went wrong on our side");
        var response = HttpResponse.<Problem>status(status).contentType(ProblemResponseProcessor.PROBLEM_JSON)
                .body(problem);
        return status == HttpStatus.SERVICE_UNAVAILABLE ? response.header("Retry-After", RETRY_AFTER_SECONDS) : response;
    }
}
