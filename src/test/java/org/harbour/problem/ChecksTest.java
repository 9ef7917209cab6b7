package org.harbour.problem;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

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

    @Test
    void freeTextRefusesControlCharactersAndBidiOverridesAnywhereAndKeepsEveryPrintableCharacter() {
        for (int c = 0; c <= 0x2100; c++) {
            boolean forbidden = c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            Checks checks = new Checks();
            assertThat(checks.text("alias", "A" + Character.toString(c) + "B", 60)).as("U+%04X", c).isEqualTo(!forbidden);
            assertThat(checks.text("alias", Character.toString(c) + "AB", 60)).as("leading U+%04X", c).isEqualTo(!forbidden);
        }
        assertThat(new Checks().text("alias", "Zoë 😀 \u00A0مرحبا", 60)).isTrue();
        assertThat(new Checks().text("alias", "  " + "x".repeat(60) + "  ", 60)).as("length once trimmed").isTrue();
        assertThat(new Checks().text("alias", null, 60)).isTrue();

        Checks checks = new Checks();
        checks.text("alias", "a\u0000b", 60);
        ProblemException problem = catchThrowableOfType(checks::throwIfAny, ProblemException.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("alias");
            assertThat(error.message()).isEqualTo(FreeText.RULE);
        });
    }

    @Test
    void datesAndInstantsOutsideTheWindowAreRefusedAndItsEdgesTaken() {
        Checks checks = new Checks();
        assertThat(checks.date("startDate", LocalDate.of(2000, 1, 1))).isTrue();
        assertThat(checks.date("startDate", LocalDate.of(2100, 12, 31))).isTrue();
        assertThat(checks.date("startDate", null)).isTrue();
        assertThat(checks.instant("from", Instant.parse("2000-01-01T00:00:00Z"))).isTrue();
        assertThat(checks.instant("from", Instant.parse("2100-12-31T23:59:59.999Z"))).isTrue();
        assertThat(checks.ok()).isTrue();

        assertThat(checks.date("a", LocalDate.of(1999, 12, 31))).isFalse();
        assertThat(checks.date("b", LocalDate.of(2101, 1, 1))).isFalse();
        assertThat(checks.date("c", LocalDate.MAX)).isFalse();
        assertThat(checks.instant("d", Instant.parse("1999-12-31T23:59:59Z"))).isFalse();
        assertThat(checks.instant("e", Instant.parse("2101-01-01T00:00:00Z"))).isFalse();
        assertThat(checks.instant("f", Instant.MAX)).isFalse();
        ProblemException problem = catchThrowableOfType(checks::throwIfAny, ProblemException.class);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(problem.errors()).extracting(FieldError::message).containsOnly("must be between 2000-01-01 and 2100-12-31");
    }
}
