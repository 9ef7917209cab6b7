package org.harbour.facility;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Weekly intake hours in the facility's own time zone. A window whose close is not after its open
 * runs past midnight (an overnight intake desk, 20:00-08:00).
 */
@Serdeable
public record IntakeHours(boolean alwaysOpen, List<Window> weekly) {

    public static final IntakeHours ALWAYS = new IntakeHours(true, List.of());

    /**
     * Parsed window edges by their text. A bed request asks each of up to 50 matches when it opens and closes
     * next, which parsed each window's two times for every day of the coming week: with the hours' JSON (parsed
     * per match too, until CandidateQueries kept them), 13 % of a request's Java samples in a profile (issue 20).
     * The texts are the few times facilities chose (normalized when saved), so the bound is generous.
     */
    private static final LoadingCache<String, LocalTime> TIMES = Caffeine.newBuilder().maximumSize(10_000)
            .build(LocalTime::parse);

    @Serdeable
    public record Window(DayOfWeek day, String open, String close) {

        LocalTime from() {
            return TIMES.get(open);
        }

        LocalTime to() {
            return TIMES.get(close);
        }

        boolean covers(DayOfWeek today, LocalTime time) {
            LocalTime from = from();
            LocalTime to = to();
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

    /** The next instant after {@code now} at which intake opens; null when always open (or never). */
    @Nullable
    public Instant nextOpening(Instant now, ZoneId zone) {
        return next(now, zone, true);
    }

    /** The next instant after {@code now} at which intake closes; null when always open (or never closes). */
    @Nullable
    public Instant nextClosing(Instant now, ZoneId zone) {
        return next(now, zone, false);
    }

    /**
     * The windows of the coming week laid out as instants, with touching or overlapping ones joined (a desk
     * open 09:00-17:00 and 17:00-20:00 closes at 20:00), and the first start (or end) after {@code now}.
     */
    @Nullable
    private Instant next(Instant now, ZoneId zone, boolean opening) {
        if (alwaysOpen || weekly.isEmpty()) {
            return null;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Instant[]> spans = new ArrayList<>();
        for (LocalDate date = today.minusDays(1); !date.isAfter(today.plusDays(8)); date = date.plusDays(1)) {
            for (Window w : weekly) {
                if (w.day() == date.getDayOfWeek()) {
                    LocalTime from = w.from();
                    LocalTime to = w.to();
                    LocalDate endDate = to.isAfter(from) ? date : date.plusDays(1);
                    spans.add(new Instant[] {ZonedDateTime.of(date, from, zone).toInstant(),
                            ZonedDateTime.of(endDate, to, zone).toInstant()});
                }
            }
        }
        spans.sort(Comparator.comparing((Instant[] span) -> span[0]));
        Instant start = null;
        Instant end = null;
        for (Instant[] span : spans) {
            if (start != null && !span[0].isAfter(end)) {
                end = span[1].isAfter(end) ? span[1] : end;
                continue;
            }
            Instant found = answer(start, end, now, opening);
            if (found != null) {
                return found;
            }
            start = span[0];
            end = span[1];
        }
        return answer(start, end, now, opening);
    }

    @Nullable
    private static Instant answer(@Nullable Instant start, @Nullable Instant end, Instant now, boolean opening) {
        if (start == null) {
            return null;
        }
        Instant edge = opening ? start : end;
        return edge.isAfter(now) ? edge : null;
    }

    static IntakeHours of(boolean alwaysOpen, @Nullable List<Window> weekly) {
        return new IntakeHours(alwaysOpen, weekly == null ? List.of() : List.copyOf(weekly));
    }
}
