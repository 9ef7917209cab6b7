package org.harbour.report;

import io.micronaut.core.annotation.Nullable;

import java.time.temporal.TemporalAdjusters;

/**
 * The one rule every figure about people goes through (privacy rule 3, issue 18), built to survive a reader who
 * asks many questions and subtracts the answers:
 * <ol>
 *   <li>figures about people are worked out over whole calendar months ({@link #period}): the asked range is
 *   widened to the first day of its first month and the last day of its last month, so two ranges inside the
 *   same months get the same people, and no choice of days isolates a day's people;</li>
 *   <li>a count of people, or of things that happened to people (door outcomes), is shown rounded to the nearest
 *   multiple of {@value #MIN_PEOPLE} ({@link #count}), so the difference of any two shown counts is a multiple of
 *   {@value #MIN_PEOPLE} too and never tells a group of one to four (a row's total less its parts included);</li>
 *   <li>every figure is null when fewer than {@value #MIN_PEOPLE} distinct people are behind it, never the small
 *   number; a figure worked out from people (a ratio, a median, a sum of nights or cost) is otherwise shown as is
 *   ({@link #figure}).</li>
 * </ol>
 * Counts of requests, placements and nights are not about people (API.md) and do not come here.
 */
final class Suppression {

    static final int MIN_PEOPLE = 5;

    private Suppression() {
    }

    /** The whole months that hold the asked range: the period every person figure covers. */
    static DateRange period(DateRange asked) {
        return new DateRange(asked.from().withDayOfMonth(1), asked.to().with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** A count about people (people themselves, or things that happened to them), with the people behind it. */
    @Nullable
    static Long count(long count, long people) {
        return figure(people, roundToFive(count));
    }

    /** Any other figure worked out from people's records (a median wait, hotel nights), with the people behind it. */
    @Nullable
    static <T> T figure(long people, @Nullable T figure) {
        return people < MIN_PEOPLE ? null : figure;
    }

    /** To the nearest multiple of five (a count is whole, so there is no tie): 5-7 -> 5, 8-12 -> 10. */
    static long roundToFive(long count) {
        return (count + MIN_PEOPLE / 2) / MIN_PEOPLE * MIN_PEOPLE;
    }
}
