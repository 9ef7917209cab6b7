package org.harbour.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details, the body of every error Harbour answers. {@code code} says what went wrong as a
 * stable word the dashboard translates, {@code params} the figures the detail names.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, @Nullable List<FieldError> errors,
                      ProblemCode code, @Nullable Map<String, Object> params) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of type about:blank, titled by its status. */
    public static Problem of(HttpStatus status, ProblemCode code, String detail) {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, null, code, null);
    }
}
