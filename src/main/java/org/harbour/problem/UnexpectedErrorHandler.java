package org.harbour.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What no other handler takes. Micronaut's own fallback logs "Unexpected error occurred: " + the
 * exception's message, and a message may quote what the caller sent (an alias, a date typed into the
 * wrong field); this one logs class names and frames only (privacy rule 5). The refusals Micronaut
 * derives from an exception's type keep their status and wording.
 */
@Produces
@Singleton
class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final ProblemResponseProcessor problems;

    UnexpectedErrorHandler(ProblemResponseProcessor problems) {
        this.problems = problems;
    }

    @Override
    @SuppressWarnings("unchecked")
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        HttpStatus status = statusOf(exception);
        if (status.getCode() >= 500) {
            LOG.error("Unexpected error on {} {}", request.getMethodName(), request.getPath(), LogSafe.withoutMessages(exception));
        }
        ErrorContext context = ErrorContext.builder((HttpRequest<?>) request).cause(exception).build();
        MutableHttpResponse<?> response = HttpResponse.status(status);
        return problems.processResponse(context, response);
    }

    /** As Micronaut's RouteExecutor decides when no handler claims an exception. */
    private static HttpStatus statusOf(Exception exception) {
        if (exception instanceof HttpStatusException statusException) {
            return statusException.getStatus();
        }
        if (exception instanceof UnsatisfiedRouteException || exception instanceof CodecException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
