package org.harbour.report;

import org.harbour.availability.NightCutoffs;
import org.harbour.platform.SqlQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

import static org.harbour.availability.NightCutoffs.dayNumber;
import static org.harbour.availability.NightCutoffs.sql;

/**
 * Builds the statements of the capacity report, one per family of figures, each summed and grouped
 * by the database. Dates are compared as TO_DAYS day numbers. Periods (the whole range, or each month
 * of it) arrive as a small JSON table: {"k": month or "", "s": first day, "e": last day}.
 */
final class CapacitySql {

    private static final String PERIODS = "JSON_TABLE(?, '$[*]' COLUMNS (k VARCHAR(7) PATH '$.k', starts INT PATH '$.s',"
            + " ends INT PATH '$.e')) t";

    private final CapacityQuery q;
    private final LocalDate today;
    private final long from;
    private final long to;

    CapacitySql(CapacityQuery q, LocalDate today) {
        this.q = q;
        this.today = today;
        this.from = dayNumber(q.range().from());
        this.to = dayNumber(q.range().to());
    }

    /**
     * Capacity and occupied nights. Night D's counts are the last change before 04:00 local on D+1, so
     * each history row is dated to the night whose window holds it, and the last row of a night stays
     * in force until the next night with a change, except an IMPORT row, which counts for its own night
     * only. One pass over the history of the range (plus each program's last row before it), with no
     * lookup per night; rows [lo, hi) must cover the range's nights with a day to spare on each side.
     */
    SqlQuery nights(Collection<ZoneId> zones, Instant lo, Instant hi, String periodsJson) {
        SqlQuery s = new SqlQuery().add("SELECT grp, grp2, SUM(beds * n) AS capacity_nights, SUM(occupied * n) AS occupied_nights"
                + " FROM (SELECT " + q.groupBy().periodKeys() + ", x.beds, x.occupied,"
                + " LEAST(x.ends, t.ends + 1) - GREATEST(x.night, t.starts) AS n"
                + " FROM (SELECT c.program_id, c.beds, c.occupied, c.night, IF(c.imported, c.night + 1,"
                + " COALESCE(LEAD(c.night) OVER w, ?)) AS ends, LEAD(c.night) OVER w AS next_night FROM (", to + 1);
        // the night stored with the row (V16); worked out from its local time only for rows written before
        s.add("SELECT h.id, h.program_id, h.changed_at, h.source = 'IMPORT' AS imported,"
                + " h.capacity - h.out_of_service AS beds, h.occupied, GREATEST(COALESCE(TO_DAYS(h.night), ");
        NightCutoffs.night(s, "f.time_zone", "h.changed_at", zones, lo, hi);
        s.add("), ?) AS night FROM programs p JOIN facilities f ON f.id = p.facility_id"
                + " JOIN availability_history h ON h.program_id = p.id AND h.changed_at >= ? AND h.changed_at < ?"
                + " WHERE 1 = 1", from - 1, sql(lo), sql(hi));
        programFilters(s);
        // the change in force when the range begins, dated to the night before it
        s.add(" UNION ALL SELECT h.id, h.program_id, h.changed_at, h.source = 'IMPORT', h.capacity - h.out_of_service,"
                + " h.occupied, ? FROM (SELECT program_id, MAX(changed_at) AS at FROM availability_history"
                + " WHERE changed_at < ? GROUP BY program_id) l"
                + " JOIN availability_history h ON h.program_id = l.program_id AND h.changed_at = l.at"
                + " JOIN programs p ON p.id = h.program_id JOIN facilities f ON f.id = p.facility_id WHERE 1 = 1",
                from - 1, sql(lo));
        programFilters(s);
        return s.add(") c WHERE c.night <= ? WINDOW w AS (PARTITION BY c.program_id ORDER BY c.changed_at, c.id)) x"
                + " JOIN programs p ON p.id = x.program_id JOIN facilities f ON f.id = p.facility_id"
                + " JOIN " + PERIODS + " ON x.night <= t.ends AND x.ends > t.starts"
                // the last change of its night; an earlier one the same night never reached 04:00
                + " WHERE x.next_night IS NULL OR x.next_night > x.night) z WHERE n > 0 GROUP BY grp, grp2", to, periodsJson);
    }

    /**
     * Bed requests made on local dates [from, to] in their region's zone (requests with no region: the
     * default zone), unmet ones, and those made outside Monday-Friday 09:00-17:00 local time.
     * Grouped by type, a request counts once under each type it asked for, or under ANY.
     */
    SqlQuery requests(Collection<ZoneId> zones, String defaultZone, Instant lo, Instant hi, String typesJson) {
        SqlQuery s = new SqlQuery().add("SELECT " + q.groupBy().requestKeys() + ", COUNT(*) AS bed_requests,"
                + " SUM(r.unmet) AS unmet_requests, SUM(WEEKDAY(r.local_at) >= 5 OR TIME(r.local_at) < '09:00:00'"
                + " OR TIME(r.local_at) >= '17:00:00') AS after_hours_requests"
                + " FROM (SELECT b.region_code, b.types, b.unmet, b.needs, b.created_at + INTERVAL ");
        NightCutoffs.offsetSeconds(s, "b.zone", "b.created_at", zones, lo, hi);
        s.add(" SECOND AS local_at FROM (SELECT q.*, COALESCE(g.time_zone, ?) AS zone FROM bed_requests q"
                + " LEFT JOIN regions g ON g.code = q.region_code WHERE q.created_at >= ? AND q.created_at < ?) b) r",
                defaultZone, sql(lo), sql(hi));
        if (q.groupBy().has(Grouping.TYPE)) {
            s.add(" LEFT JOIN JSON_TABLE(?, '$[*]' COLUMNS (v VARCHAR(32) PATH '$')) t"
                    + " ON FIND_IN_SET(t.v COLLATE utf8mb4_unicode_ci, r.types) > 0", typesJson);
        }
        s.add(" WHERE r.local_at >= ? AND r.local_at < ?", q.range().from().toString(), q.range().to().plusDays(1).toString());
        if (q.regionCode() != null) {
            s.add(" AND r.region_code = ?", q.regionCode());
        }
        if (q.type() != null) {
            s.add(" AND FIND_IN_SET(?, r.types) > 0", q.type().name());
        }
        if (q.population() != null) {
            s.add(" AND " + RequestPopulation.SQL + " = ?", q.population().name());
        }
        return s.add(" GROUP BY grp, grp2");
    }

    /**
     * Nights spent in HOTEL_MOTEL placements within the person period (an active placement runs to today), their
     * cost at each placement's nightly cost (nights with no known cost add nothing to the cost), and the distinct
     * clients whose nights they are: these are figures about people ({@link Suppression}).
     */
    SqlQuery hotel(String periodsJson, DateRange people) {
        SqlQuery s = new SqlQuery().add("SELECT grp, grp2, SUM(nights) AS hotel_nights,"
                + " SUM(nights * COALESCE(nightly_cost, 0)) AS hotel_cost, COUNT(DISTINCT client_id) AS hotel_people"
                + " FROM (SELECT " + q.groupBy().periodKeys() + ", x.client_id,"
                + " x.nightly_cost, LEAST(TO_DAYS(COALESCE(x.end_date, GREATEST(x.start_date, ?))), t.ends + 1)"
                + " - GREATEST(TO_DAYS(x.start_date), t.starts) AS nights"
                + " FROM placements x JOIN programs p ON p.id = x.program_id JOIN facilities f ON f.id = p.facility_id"
                + " JOIN " + PERIODS + " ON TO_DAYS(x.start_date) <= t.ends"
                + " WHERE p.type = 'HOTEL_MOTEL' AND x.start_date <= ? AND (x.end_date IS NULL OR x.end_date > ?)",
                today.toString(), periodsJson, people.to().toString(), people.from().toString());
        return programFilters(s).add(") n WHERE nights > 0 GROUP BY grp, grp2");
    }

    private SqlQuery programFilters(SqlQuery s) {
        return programFilters(q, s);
    }

    /** Region, type, population and capacity type of the program (aliases p and f). */
    static SqlQuery programFilters(CapacityQuery q, SqlQuery s) {
        if (q.regionCode() != null) {
            s.add(" AND f.region_code = ?", q.regionCode());
        }
        if (q.type() != null) {
            s.add(" AND p.type = ?", q.type().name());
        }
        if (q.population() != null) {
            s.add(" AND p.population = ?", q.population().name());
        }
        if (q.capacityType() != null) {
            s.add(" AND p.capacity_type = ?", q.capacityType().name());
        }
        return s;
    }
}
