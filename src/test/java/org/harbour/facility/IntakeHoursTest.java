package org.harbour.facility;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class IntakeHoursTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    // 2026-11-23 is a Monday, 2026-11-24 a Tuesday.
    static final String MONDAY_DATE = "2026-11-23";
    static final String TUESDAY_DATE = "2026-11-24";

    @Test
    void alwaysOpenTakesIntakeAtAnyHour() {
        assertThat(IntakeHours.ALWAYS.isOpenAt(toronto(MONDAY_DATE, "03:17"), TORONTO)).isTrue();
        assertThat(IntakeHours.ALWAYS.isOpenAt(toronto("2026-11-28", "23:59"), TORONTO)).isTrue();
    }

    @Test
    void noWindowsMeansNeverOpen() {
        IntakeHours none = IntakeHours.of(false, List.of());
        assertThat(none.isOpenAt(toronto(MONDAY_DATE, "12:00"), TORONTO)).isFalse();
    }

    @Test
    void openInsideADaytimeWindowAndClosedOutsideIt() {
        IntakeHours hours = weekly(window(MONDAY, "09:00", "17:00"));

        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "12:30"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "08:59"), TORONTO)).isFalse();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "19:00"), TORONTO)).isFalse();
        assertThat(hours.isOpenAt(toronto(TUESDAY_DATE, "12:30"), TORONTO)).as("other day").isFalse();
    }

    @Test
    void openingTimeIsInclusiveAndClosingTimeExclusive() {
        IntakeHours hours = weekly(window(MONDAY, "09:00", "17:00"));

        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "09:00"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "16:59:59"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "17:00"), TORONTO)).isFalse();
    }

    @Test
    void overnightWindowRunsAcrossMidnightIntoTheNextMorning() {
        IntakeHours hours = weekly(window(MONDAY, "20:00", "08:00"));

        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "19:59"), TORONTO)).isFalse();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "20:00"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "23:59"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(TUESDAY_DATE, "00:00"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(TUESDAY_DATE, "07:59"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(TUESDAY_DATE, "08:00"), TORONTO)).isFalse();
        assertThat(hours.isOpenAt(toronto(TUESDAY_DATE, "21:00"), TORONTO)).as("Tuesday evening has no window").isFalse();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "03:00"), TORONTO))
                .as("Monday early morning belongs to Sunday's night, which has no window").isFalse();
    }

    @Test
    void sundayNightWindowRunsIntoMonday() {
        IntakeHours hours = weekly(window(SUNDAY, "22:00", "06:00"));

        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "05:00"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(toronto(MONDAY_DATE, "22:30"), TORONTO)).isFalse();
    }

    @Test
    void theSameInstantIsReadInEachFacilitysOwnTimeZone() {
        IntakeHours hours = weekly(window(MONDAY, "09:00", "17:00"));
        // 19:00 in Toronto is 16:00 in Vancouver.
        Instant instant = toronto(MONDAY_DATE, "19:00");

        assertThat(hours.isOpenAt(instant, VANCOUVER)).isTrue();
        assertThat(hours.isOpenAt(instant, TORONTO)).isFalse();
    }

    @Test
    void followsLocalTimeOnTheDayClocksSpringForward() {
        // Toronto moves from EST (UTC-5) to EDT (UTC-4) at 02:00 on Sunday 2026-03-08.
        IntakeHours hours = weekly(window(SUNDAY, "09:00", "17:00"));

        assertThat(hours.isOpenAt(Instant.parse("2026-03-08T13:30:00Z"), TORONTO)).as("09:30 EDT").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-03-01T13:30:00Z"), TORONTO)).as("08:30 EST").isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-03-08T20:59:00Z"), TORONTO)).as("16:59 EDT").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-03-08T21:00:00Z"), TORONTO)).as("17:00 EDT").isFalse();
    }

    @Test
    void anHourThatHappensTwiceWhenClocksFallBackIsOpenBothTimes() {
        // 01:15 on Sunday 2026-11-01 happens at 05:15Z (EDT) and again at 06:15Z (EST).
        IntakeHours hours = weekly(window(SUNDAY, "01:00", "01:30"));

        assertThat(hours.isOpenAt(Instant.parse("2026-11-01T05:15:00Z"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-01T06:15:00Z"), TORONTO)).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-01T06:45:00Z"), TORONTO)).as("01:45 EST").isFalse();
    }

    private static IntakeHours weekly(IntakeHours.Window... windows) {
        return IntakeHours.of(false, List.of(windows));
    }

    private static IntakeHours.Window window(DayOfWeek day, String open, String close) {
        return new IntakeHours.Window(day, open, close);
    }

    private static Instant toronto(String date, String time) {
        return LocalDateTime.parse(date + "T" + time).atZone(TORONTO).toInstant();
    }
}
