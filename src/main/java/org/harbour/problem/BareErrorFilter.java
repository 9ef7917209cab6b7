package org.harbour.problem;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Some refusals are made by framework filters that answer with a bare status (Micronaut's CORS filter
 * refuses a foreign Origin with an empty 403): every error still reaches the caller as problem+json.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BareErrorFilter implements Ordered {

    /** Outermost, so it sees the answers of every other filter. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void toProblem(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return;
        }
        HttpStatus status = response.getStatus();
        Problem problem = status == HttpStatus.FORBIDDEN && request.getHeaders().getOrigin().isPresent()
                ? Problem.of(status, ProblemCode.ORIGIN_NOT_ALLOWED, "Requests from this origin are not allowed")
                : ProblemResponseProcessor.problemFor(status, null);
        ((MutableHttpResponse<Object>) response).contentType(ProblemResponseProcessor.PROBLEM_JSON).body(problem);
    }
}
