package org.harbour.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Every framework error (routing, security, body parsing, size limits) becomes problem+json.
 * Details are our own words: framework messages can quote the request body or internals.
 */
@Singleton
@Primary
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);
    static final String BODY_NOT_READABLE = "The request body is not valid JSON or has a field of the wrong type";

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        return response.contentType(PROBLEM_JSON).body(problemFor(response.getStatus(), context));
    }

    /** The problem a framework answer of this status becomes: our own words, and a code for each cause. */
    static Problem problemFor(HttpStatus status, @Nullable ErrorContext context) {
        Cause cause = causeOf(status, context);
        return new Problem("about:blank", status.getReason(), status.getCode(), cause.detail, null, cause.code, cause.params);
    }

    private record Cause(ProblemCode code, String detail, Map<String, Object> params) {
        Cause(ProblemCode code, String detail) {
            this(code, detail, Map.of());
        }
    }

    private static Cause causeOf(HttpStatus status, @Nullable ErrorContext context) {
        return switch (status) {
            case BAD_REQUEST -> badRequest(context);
            case UNAUTHORIZED -> new Cause(ProblemCode.AUTHENTICATION_REQUIRED, "Authentication is required");
            case FORBIDDEN -> new Cause(ProblemCode.FORBIDDEN, "You are not allowed to do this");
            case NOT_FOUND -> new Cause(ProblemCode.NOT_FOUND, "Not found");
            case METHOD_NOT_ALLOWED -> new Cause(ProblemCode.METHOD_NOT_ALLOWED, "Method not allowed here");
            case NOT_ACCEPTABLE -> new Cause(ProblemCode.NOT_ACCEPTABLE, "Cannot answer in the requested media type");
            case REQUEST_ENTITY_TOO_LARGE -> new Cause(ProblemCode.TOO_LARGE,
                    "The request is too large (URL and headers 64 KiB; body 1 MiB, imports 100 MiB)");
            case UNSUPPORTED_MEDIA_TYPE -> unsupportedMediaType(context);
            case SERVICE_UNAVAILABLE -> new Cause(ProblemCode.SERVICE_UNAVAILABLE,
                    "The service is temporarily unavailable; try again shortly");
            default -> status.getCode() >= 500
                    ? new Cause(ProblemCode.INTERNAL_ERROR, "Something went wrong on our side")
                    : new Cause(ProblemCode.REQUEST_REFUSED, status.getReason());
        };
    }

    /** Most routes take JSON; the imports take CSV: the route's own types are named. */
    private static Cause unsupportedMediaType(ErrorContext context) {
        if (context != null && context.getRootCause().orElse(null) instanceof UnsupportedMediaException unsupported
                && !unsupported.getAcceptableContentTypes().isEmpty()) {
            return new Cause(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported content type; send " + String.join(" or ", unsupported.getAcceptableContentTypes()),
                    Map.of("accepted", List.copyOf(unsupported.getAcceptableContentTypes())));
        }
        return new Cause(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type; send application/json",
                Map.of("accepted", List.of("application/json")));
    }

    private static Cause badRequest(ErrorContext context) {
        Throwable cause = context == null ? null : context.getRootCause().orElse(null);
        String field = jsonPath(cause);
        if (field != null) {
            return new Cause(ProblemCode.WRONG_TYPE, "The request body has a value of the wrong type at '" + field + "'",
                    Map.of("field", field));
        }
        if (cause instanceof ConversionErrorException conversion) {
            if (conversion.getArgument().getAnnotationMetadata().hasAnnotation(Body.class)) {
                return new Cause(ProblemCode.BODY_NOT_READABLE, BODY_NOT_READABLE);
            }
            String name = conversion.getArgument().getName();
            return new Cause(ProblemCode.PARAMETER_WRONG_TYPE, "The value of '" + name + "' has the wrong type or format",
                    Map.of("parameter", name));
        }
        if (cause != null && cause.getClass().getName().contains("Json")) {
            return new Cause(ProblemCode.BODY_NOT_READABLE, BODY_NOT_READABLE);
        }
        if (cause != null && cause.getClass().getSimpleName().equals("UnsatisfiedArgumentException")) {
            return new Cause(ProblemCode.MISSING_PARAMETER, "A required body or parameter is missing");
        }
        return new Cause(ProblemCode.MALFORMED_REQUEST, "Malformed request");
    }

    /** Where in the body the wrong type was found ("programs[0].capacity"), from the JSON names only. */
    static String jsonPath(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SerdeException serde && !serde.getPath().isEmpty()) {
                List<ReferencePath> innermostFirst = serde.getPath();
                StringBuilder path = new StringBuilder();
                for (int i = innermostFirst.size() - 1; i >= 0; i--) {
                    ReferencePath step = innermostFirst.get(i);
                    if (step instanceof CollectionItemReferencePath item) {
                        path.append('[').append(item.index()).append(']');
                    } else if (step instanceof PropertyReferencePath property) {
                        path.append(path.isEmpty() ? "" : ".").append(property.property().getName());
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
