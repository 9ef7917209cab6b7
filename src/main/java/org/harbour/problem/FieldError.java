package org.harbour.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * One field at fault: its path, the rule in English, the rule as a code the dashboard translates, and the
 * figures the rule names (min, max, allowed...), so a translation can say them too.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldError(String field, String message, FieldCode code, @Nullable Map<String, Object> params) {

    public FieldError(String field, FieldCode code, String message) {
        this(field, message, code, Map.of());
    }

    /** The same rule for another field (a rule worked out before its field was known). */
    public FieldError forField(String otherField) {
        return new FieldError(otherField, message, code, params);
    }
}
