package org.harbour.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.List;
import java.util.Map;

/** Bean-validation failures are well-formed but invalid input: 422 with each field named. */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(ConstraintViolationProblemHandler::toFieldError)
                .toList();
        return new ProblemExceptionHandler().handle(request, ProblemException.invalid(errors));
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "update.request.available" -> "available": callers know fields, not our method names.
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
        String constraint = violation.getConstraintDescriptor() == null ? "unknown"
                : violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new FieldError(field, violation.getMessage(), FieldCode.INVALID_VALUE, Map.of("constraint", constraint));
    }
}
