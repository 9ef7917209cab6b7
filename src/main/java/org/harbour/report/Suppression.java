package org.harbour.report;

import io.micronaut.core.annotation.Nullable;

/**
 * The one rule every figure about people goes through (privacy rule 3): a figure is shown only when at least
 * {@value #MIN_PEOPLE} distinct people are behind it, and is otherwise null, never the small number. A stronger
 * rule (issue 18: whole-month periods, rounding to 5) belongs here, so every person figure follows it at once.
 */
final class Suppression {

    static final int MIN_PEOPLE = 5;

    private Suppression() {
    }

    /** A count about people (people themselves, or things that happened to them), with the people behind it. */
    @Nullable
    static Long count(long count, long people) {
        return figure(people, count);
    }

    /** Any other figure worked out from people's records (a median wait), with the people behind it. */
    @Nullable
    static <T> T figure(long people, @Nullable T figure) {
        return people < MIN_PEOPLE ? null : figure;
    }
}
