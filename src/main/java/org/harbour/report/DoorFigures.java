package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import org.harbour.hold.HoldDoor.DeclineReason;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How holds ended at programs' doors in one group (read by {@link DoorSql}): arrivals, no-shows and refusals, and
 * refusals by reason. Each figure counts door outcomes and is shown only when enough distinct people are behind
 * it ({@link Suppression}); each reason on its own. Every reason is always named, so a suppressed one (null) does
 * not tell a reason nobody was refused for from one that a few people were.
 */
final class DoorFigures {

    private final Tally arrivals = new Tally();
    private final Tally noShows = new Tally();
    private final Tally refusals = new Tally();
    private final Map<DeclineReason, Tally> byReason = new EnumMap<>(DeclineReason.class);

    /** A row of {@link DoorSql#outcomes()}. */
    void readOutcomes(ResultSet rs) throws SQLException {
        arrivals.add(rs.getLong("arrivals"), rs.getLong("arrival_people"));
        noShows.add(rs.getLong("no_shows"), rs.getLong("no_show_people"));
        refusals.add(rs.getLong("refusals"), rs.getLong("refusal_people"));
    }

    /** A row of {@link DoorSql#refusalReasons()}. */
    void readReason(ResultSet rs) throws SQLException {
        byReason.computeIfAbsent(DeclineReason.valueOf(rs.getString("reason")), r -> new Tally())
                .add(rs.getLong("refusals"), rs.getLong("refusal_people"));
    }

    @Nullable
    Long arrivals() {
        return arrivals.shown();
    }

    @Nullable
    Long noShows() {
        return noShows.shown();
    }

    @Nullable
    Long refusals() {
        return refusals.shown();
    }

    /** Every reason in the enum's order, each suppressed on its own. */
    Map<String, Long> refusalsByReason() {
        Map<String, Long> shown = new LinkedHashMap<>();
        for (DeclineReason reason : DeclineReason.values()) {
            shown.put(reason.name(), byReason.getOrDefault(reason, new Tally()).shown());
        }
        return shown;
    }

    /** Door outcomes and the distinct people they happened to. */
    private static final class Tally {
        long outcomes;
        long people;

        void add(long outcomes, long people) {
            this.outcomes += outcomes;
            this.people += people;
        }

        Long shown() {
            return Suppression.count(outcomes, people);
        }
    }
}
