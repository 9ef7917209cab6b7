package org.harbour.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An expected failure with the status, the code the dashboard translates and the words an API caller reads.
 * There is no constructor without a code: every problem can be said in French.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final ProblemCode code;
    private final List<FieldError> errors;
    private final Map<String, Object> params;

    public ProblemException(HttpStatus status, ProblemCode code, String detail) {
        this(status, code, detail, null, Map.of());
    }

    public ProblemException(HttpStatus status, ProblemCode code, String detail, List<FieldError> errors,
                            Map<String, Object> params) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors;
        this.params = params;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> params() {
        return params;
    }

    /** 404 "Program not found", with params.object PROGRAM so it can be said in any language. */
    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemCode.NOT_FOUND, what + " not found", null,
                Map.of("object", what.trim().toUpperCase(Locale.ROOT).replace(' ', '_')));
    }

    public static ProblemException forbidden(ProblemCode code, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ProblemException conflict(ProblemCode code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    public static ProblemException conflict(ProblemCode code, String detail, Map<String, Object> params) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail, null, params);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemCode.INVALID, "The request is not valid",
                List.copyOf(errors), Map.of());
    }

    public static ProblemException invalid(String field, FieldCode code, String message) {
        return invalid(List.of(new FieldError(field, code, message)));
    }

    public static ProblemException invalid(String field, FieldCode code, String message, Map<String, Object> params) {
        return invalid(List.of(new FieldError(field, message, code, params)));
    }
}
