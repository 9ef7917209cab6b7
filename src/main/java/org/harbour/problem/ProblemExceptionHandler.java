package org.harbour.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        var status = exception.status();
        var problem = new Problem("about:blank", status.getReason(), status.getCode(),
                exception.getMessage(), exception.errors(), exception.code(), exception.params());
        return HttpResponse.<Problem>status(status).contentType(ProblemResponseProcessor.PROBLEM_JSON).body(problem);
    }
}
