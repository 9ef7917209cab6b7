package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.problem.FieldError;
import org.harbour.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates a report covers, both inclusive. A value that is not a date is malformed (400, like any
 * malformed parameter in API.md); a date outside the window ({@link org.harbour.problem.DateWindow}), out of
 * order, or a span over three years is invalid (422).
 */
@Serdeable
record DateRange(LocalDate from, LocalDate to) {

    static final int MAX_YEARS = 3;

    /**
     * Reads from and to; adds what is invalid to checks. Throws 400 (naming every field, malformed or
     * not) when a date cannot be read at all, since nothing else can be judged without it.
     */
    @Nullable
    static DateRange parse(@Nullable String from, @Nullable String to, Checks checks) {
        List<FieldError> malformed = new ArrayList<>();
        LocalDate start = date("from", from, checks, malformed);
        LocalDate end = date("to", to, checks, malformed);
        if (!malformed.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCode.BAD_DATE_PARAMETER,
                    "The value of 'from' or 'to' is not a date (YYYY-MM-DD)", malformed, Map.of());
        }
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            checks.fail("to", FieldCode.BEFORE_START, "must not be before from", Map.of("other", "from"));
            return null;
        }
        if (!end.isBefore(start.plusYears(MAX_YEARS))) {
            checks.fail("to", FieldCode.RANGE_TOO_LONG, "the range may cover at most " + MAX_YEARS + " years",
                    Map.of("maxYears", MAX_YEARS));
            return null;
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String field, @Nullable String value, Checks checks, List<FieldError> malformed) {
        if (!checks.required(field, value)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            return checks.date(field, date) ? date : null;
        } catch (DateTimeParseException e) {
            malformed.add(new FieldError(field, FieldCode.NOT_A_DATE, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }
}
