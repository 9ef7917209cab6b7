package org.harbour.problem;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChecksTest {

    @Test
    void gathersEveryFieldErrorBeforeAnswering422() {
        Checks checks = new Checks();

        checks.required("name", "  ");
        checks.min("available", -1, 0);
        checks.range("minAge", 130, 0, 120);
        checks.maxLength("address", "x".repeat(301), 300);

        ProblemException problem = catchThrowableOfType(checks::throwIfAny, ProblemException.class);
        assertThat(problem.status().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(problem.errors()).extracting(FieldError::field)
                .containsExactly("name", "available", "minAge", "address");
    }

    @Test
    void acceptsWhatIsWithinTheRulesAndLeavesOptionalValuesAlone() {
        Checks checks = new Checks();

        assertThat(checks.required("name", "Harbour House")).isTrue();
        checks.min("outOfService", null, 0);
        checks.range("maxAge", null, 0, 120);
        checks.range("minAge", 120, 0, 120);
        checks.maxLength("address", null, 300);

        assertThat(checks.ok()).isTrue();
        assertThatNoException().isThrownBy(checks::throwIfAny);
    }

    @Test
    void readsEnumsTrimmedAndInAnyCaseAndNamesTheAllowedValuesOtherwise() {
        Checks checks = new Checks();

        assertThat(checks.enumValue("day", " monday ", DayOfWeek.class)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(checks.enumValue("day", null, DayOfWeek.class)).isNull();
        assertThat(checks.ok()).isTrue();
        assertThat(checks.enumValue("day", "FUNDAY", DayOfWeek.class)).isNull();

        ProblemException problem = catchThrowableOfType(checks::throwIfAny, ProblemException.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("day");
            assertThat(error.message()).contains("MONDAY", "SUNDAY");
        });
    }
}
