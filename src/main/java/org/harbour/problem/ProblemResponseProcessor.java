package org.harbour.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every framework error (routing, security, body parsing, size limits) becomes problem+json.
 * Details are our own words: framework messages can quote the request body or internals.
 */
@Singleton
@Primary
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = detailFor(status, context);
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, null);
        return response.contentType(PROBLEM_JSON).body(problem);
    }

    static String detailFor(HttpStatus status, ErrorContext context) {
        return switch (status) {
            case BAD_REQUEST -> badRequestDetail(context);
            case UNAUTHORIZED -> "Authentication is required";
            case FORBIDDEN -> "You are not allowed to do this";
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed here";
            case NOT_ACCEPTABLE -> "Cannot answer in the requested media type";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large (limit 1 MiB)";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type; send application/json";
            case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable; try again shortly";
            default -> status.getCode() >= 500 ? "Something went wrong on our side" : status.getReason();
        };
    }

    private static String badRequestDetail(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConversionErrorException conversion) {
            return "The value of '" + conversion.getArgument().getName() + "' has the wrong type or format";
        }
        if (cause != null && cause.getClass().getName().contains("Json")) {
            return "The request body is not valid JSON or has a field of the wrong type";
        }
        if (cause != null && cause.getClass().getSimpleName().equals("UnsatisfiedArgumentException")) {
            return "A required body or parameter is missing";
        }
        return "Malformed request";
    }
}
