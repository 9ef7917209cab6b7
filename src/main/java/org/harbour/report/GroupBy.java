package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a capacity report's rows are: one dimension ({@code groupBy=region}) or two ({@code groupBy=region,type}, a
 * row per pair, {@code group} and {@code group2}). Every statement selects both keys as grp and grp2 (grp2 is ''
 * with one dimension) and groups by both, so each cell is summed, and suppressed, on its own.
 */
record GroupBy(Grouping first, @Nullable Grouping second) {

    static final String FIELD = "groupBy";

    /** "region", "region,type" (any two different dimensions, case and spaces aside); otherwise a 422 naming groupBy. */
    @Nullable
    static GroupBy parse(@Nullable String raw, Checks checks) {
        if (!checks.required(FIELD, raw)) {
            return null;
        }
        String[] parts = raw.split(",", -1);
        String known = Arrays.stream(Grouping.values()).map(g -> g.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
        Grouping[] dims = new Grouping[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Grouping.valueOf(parts[i].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.fail(FIELD, FieldCode.NOT_ALLOWED_VALUE, "must be one or two of " + known + ", separated by a comma",
                        Map.of("allowed", List.of(known.split("\\|"))));
                return null;
            }
        }
        if (dims.length > 2) {
            checks.fail(FIELD, FieldCode.TOO_MANY, "may name at most two dimensions, such as region,type", Map.of("max", 2));
            return null;
        }
        if (dims.length == 2 && dims[0] == dims[1]) {
            checks.fail(FIELD, FieldCode.REPEATED_DIMENSION, "names " + parts[0].trim() + " twice; name two different dimensions",
                    Map.of("dimension", dims[0].name()));
            return null;
        }
        return new GroupBy(dims[0], dims.length == 2 ? dims[1] : null);
    }

    static GroupBy of(Grouping only) {
        return new GroupBy(only, null);
    }

    List<Grouping> dimensions() {
        return second == null ? List.of(first) : List.of(first, second);
    }

    boolean has(Grouping dimension) {
        return first == dimension || second == dimension;
    }

    /** "k1 AS grp, k2 AS grp2" for a program-side figure dated by {@code dateColumn}. */
    String programKeys(String dateColumn) {
        return keys(g -> g.programKey(dateColumn));
    }

    /** The same for nights and hotel stays, whose month is the period's key t.k. */
    String periodKeys() {
        return keys(g -> g == Grouping.MONTH ? "t.k" : g.programKey(null));
    }

    /** The same for a bed request (see {@link Grouping#requestKey()}). */
    String requestKeys() {
        return keys(Grouping::requestKey);
    }

    private String keys(java.util.function.Function<Grouping, String> key) {
        return key.apply(first) + " AS grp, " + (second == null ? "''" : key.apply(second)) + " AS grp2";
    }
}
