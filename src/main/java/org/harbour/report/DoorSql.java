package org.harbour.report;

import org.harbour.availability.NightCutoffs;
import org.harbour.hold.HoldDoor.DeclineReason;
import org.harbour.platform.SqlQuery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.harbour.availability.NightCutoffs.sql;
import static org.harbour.report.CapacityReport.WIDEST_OFFSET;

/**
 * How holds ended at programs' doors (holds.door_outcome, written by the door's staff), each dated to the local date
 * in its facility's time zone on which the hold ended, and grouped and filtered by the hold's program. Every figure
 * comes with the distinct people behind it (a hold whose client link is gone counts as a person of its own).
 * The outcomes caseworkers record by hand on a bed request (bed_request_outcomes) are not read: see reports.md.
 */
final class DoorSql {

    /** A reason the door no longer knows (renamed or dropped) counts as OTHER, so every refusal has a reason. */
    private static final String KNOWN_REASONS = Arrays.stream(DeclineReason.values()).map(Enum::name)
            .collect(Collectors.joining(","));

    private final DateRange range;
    /** "k1 AS grp, k2 AS grp2". */
    private final String groupKeys;
    private final UnaryOperator<SqlQuery> filters;
    private final Collection<ZoneId> zones;

    private DoorSql(DateRange range, String groupKeys, UnaryOperator<SqlQuery> filters,
                    Collection<ZoneId> zones) {
        this.range = range;
        this.groupKeys = groupKeys;
        this.filters = filters;
        this.zones = zones;
    }

    /**
     * Grouped and filtered as the capacity report asks (month: the month of the local date), over the whole months
     * of its range: door outcomes are figures about people ({@link Suppression#period}).
     */
    static DoorSql of(CapacityQuery q, Collection<ZoneId> facilityZones) {
        return new DoorSql(Suppression.period(q.range()), q.groupBy().programKeys("x.local_date"),
                s -> CapacitySql.programFilters(q, s), facilityZones);
    }

    /** Every program's door in one group, keyed "" and "", over the whole months of the range. */
    static DoorSql everywhere(DateRange range, Collection<ZoneId> facilityZones) {
        return new DoorSql(Suppression.period(range), "'' AS grp, '' AS grp2", s -> s, facilityZones);
    }

    /** arrivals, no_shows, refusals, each with its distinct people (arrival_people, ...), by grp. */
    SqlQuery outcomes() {
        SqlQuery s = new SqlQuery().add("SELECT " + groupKeys + ","
                + " SUM(x.outcome = 'ARRIVED') AS arrivals,"
                + " COUNT(DISTINCT IF(x.outcome = 'ARRIVED', x.person, NULL)) AS arrival_people,"
                + " SUM(x.outcome = 'NO_SHOW') AS no_shows,"
                + " COUNT(DISTINCT IF(x.outcome = 'NO_SHOW', x.person, NULL)) AS no_show_people,"
                + " SUM(x.outcome = 'REFUSED_AT_DOOR') AS refusals,"
                + " COUNT(DISTINCT IF(x.outcome = 'REFUSED_AT_DOOR', x.person, NULL)) AS refusal_people");
        return from(s).add(" GROUP BY grp, grp2");
    }

    /** Refusals and their distinct people by grp and reason. */
    SqlQuery refusalReasons() {
        SqlQuery s = new SqlQuery().add("SELECT " + groupKeys + ","
                + " IF(FIND_IN_SET(x.stated_reason, ?) > 0, x.stated_reason, 'OTHER') AS reason,"
                + " COUNT(*) AS refusals, COUNT(DISTINCT x.person) AS refusal_people", KNOWN_REASONS);
        // GROUP BY looks at FROM's columns before the select list: hence "stated_reason" inside, "reason" here
        return from(s).add(" AND x.outcome = 'REFUSED_AT_DOOR' GROUP BY grp, grp2, reason");
    }

    /** The door outcomes of the range (alias x), with their program (p) and facility (f), filters applied. */
    private SqlQuery from(SqlQuery s) {
        Instant lo = range.from().atStartOfDay(ZoneOffset.UTC).toInstant().minus(WIDEST_OFFSET);
        Instant hi = range.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(WIDEST_OFFSET);
        s.add(" FROM (SELECT h.program_id, h.door_outcome AS outcome, h.door_reason AS stated_reason,"
                + " COALESCE(h.client_id, -h.id) AS person, DATE(h.ended_at + INTERVAL ");
        NightCutoffs.offsetSeconds(s, "z.time_zone", "h.ended_at", zones, lo, hi);
        s.add(" SECOND) AS local_date FROM holds h JOIN programs zp ON zp.id = h.program_id"
                + " JOIN facilities z ON z.id = zp.facility_id"
                + " WHERE h.door_outcome IS NOT NULL AND h.ended_at >= ? AND h.ended_at < ?) x"
                + " JOIN programs p ON p.id = x.program_id JOIN facilities f ON f.id = p.facility_id"
                + " WHERE x.local_date BETWEEN ? AND ?", sql(lo), sql(hi), range.from().toString(), range.to().toString());
        return filters.apply(s);
    }
}
