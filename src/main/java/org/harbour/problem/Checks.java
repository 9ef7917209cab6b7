package org.harbour.problem;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects every field error of a request before answering 422, so a caller fixes them all at once.
 * Enums arrive as strings so an unknown value is a 422 with its field, not a parse failure.
 */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    public Checks fail(String field, FieldCode code, String message) {
        errors.add(new FieldError(field, code, message));
        return this;
    }

    /** A field error whose rule names figures (min, max, allowed...), given in params for translations. */
    public Checks fail(String field, FieldCode code, String message, Map<String, Object> params) {
        errors.add(new FieldError(field, message, code, params));
        return this;
    }

    /** A rule worked out elsewhere (a password's), now for this field. */
    public Checks fail(String field, FieldError rule) {
        errors.add(rule.forField(field));
        return this;
    }

    public boolean required(String field, @Nullable Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            fail(field, FieldCode.REQUIRED, "is required");
            return false;
        }
        return true;
    }

    /** False (and a field error) when the value is longer than max; a missing value passes. Free text uses {@link #text}. */
    public boolean maxLength(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            fail(field, FieldCode.TOO_LONG, "must be at most " + max + " characters", Map.of("max", max));
            return false;
        }
        return true;
    }

    /**
     * Free text (an alias, a name, an address): at most max characters once trimmed (as it is stored), and
     * none at all, trimmed or not, a control character or a bidirectional override ({@link FreeText}).
     * False (and a field error) otherwise; a missing value passes.
     */
    public boolean text(String field, @Nullable String value, int max) {
        if (value == null) {
            return true;
        }
        if (!maxLength(field, value.trim(), max)) {
            return false;
        }
        if (!FreeText.isClean(value)) {
            fail(field, FieldCode.CONTROL_CHARACTERS, FreeText.RULE);
            return false;
        }
        return true;
    }

    /** False (and a field error) for a date outside {@link DateWindow}; a missing value passes. */
    public boolean date(String field, @Nullable LocalDate value) {
        if (value != null && !DateWindow.contains(value)) {
            fail(field, FieldCode.DATE_OUTSIDE_WINDOW, DateWindow.RULE, DateWindow.PARAMS);
            return false;
        }
        return true;
    }

    /** False (and a field error) for a time whose UTC date is outside {@link DateWindow}; a missing value passes. */
    public boolean instant(String field, @Nullable Instant value) {
        if (value != null && !DateWindow.contains(value)) {
            fail(field, FieldCode.DATE_OUTSIDE_WINDOW, DateWindow.RULE, DateWindow.PARAMS);
            return false;
        }
        return true;
    }

    public void range(String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            fail(field, FieldCode.OUT_OF_RANGE, "must be between " + min + " and " + max, Map.of("min", min, "max", max));
        }
    }

    public void min(String field, @Nullable Number value, long min) {
        if (value != null && value.doubleValue() < min) {
            fail(field, FieldCode.TOO_SMALL, "must be at least " + min, Map.of("min", min));
        }
    }

    @Nullable
    public <E extends Enum<E>> E enumValue(String field, @Nullable String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            fail(field, FieldCode.NOT_ALLOWED_VALUE, "must be one of " + String.join(", ", allowed),
                    Map.of("allowed", allowed));
            return null;
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
