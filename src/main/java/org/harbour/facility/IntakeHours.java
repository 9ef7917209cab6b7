package org.harbour.facility;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Weekly intake hours in the facility's own time zone. A window whose close is not after its open
 * runs past midnight (an overnight intake desk, 20:00-08:00).
 */
@Serdeable
public record IntakeHours(boolean alwaysOpen, List<Window> weekly) {

    public static final IntakeHours ALWAYS = new IntakeHours(true, List.of());

    @Serdeable
    public record Window(DayOfWeek day, String open, String close) {

        boolean covers(DayOfWeek today, LocalTime time) {
            LocalTime from = LocalTime.parse(open);
            LocalTime to = LocalTime.parse(close);
            boolean overnight = !to.isAfter(from);
            if (today == day) {
                return !time.isBefore(from) && (overnight || time.isBefore(to));
            }
            return overnight && today == day.plus(1) && time.isBefore(to);
        }
    }

    public boolean isOpenAt(Instant instant, ZoneId zone) {
        if (alwaysOpen) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        return weekly.stream().anyMatch(w -> w.covers(local.getDayOfWeek(), local.toLocalTime()));
    }

    static IntakeHours of(boolean alwaysOpen, @Nullable List<Window> weekly) {
        return new IntakeHours(alwaysOpen, weekly == null ? List.of() : List.copyOf(weekly));
    }
}
