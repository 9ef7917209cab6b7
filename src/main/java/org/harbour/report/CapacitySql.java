package org.harbour.report;

import java.time.LocalDate;

/**
 * Builds the statements of the capacity report, one per family of figures, each grouped in SQL.
 * Local-time boundaries arrive as JSON tables computed by {@link NightCutoffs}.
 */
final class CapacitySql {

    private final CapacityQuery q;
    private final LocalDate today;

    CapacitySql(CapacityQuery q, LocalDate today) {
        this.q = q;
        this.today = today;
    }

    /**
     * Capacity and occupied nights: per program and night, the last history row before 04:00 local on
     * the next morning. An IMPORT row counts only for the night whose window holds it; any other row
     * stays in force until the next change. Programs with no row yet have no nights.
     */
    SqlQuery nights(String nightsJson) {
        SqlQuery s = new SqlQuery().add("""
                WITH nights AS (
                  SELECT n.tz, n.night, n.opens, n.closes
                    FROM JSON_TABLE(?, '$[*]' COLUMNS (tz VARCHAR(64) PATH '$.z', night DATE PATH '$.d',
                                    opens DATETIME(6) PATH '$.o', closes DATETIME(6) PATH '$.c')) n
                ), in_force AS (
                  SELECT\s""", nightsJson).add(" " + q.groupBy().programKey("n.night") + " ").add("""
                 AS grp, n.opens,
                         (SELECT h.id FROM availability_history h
                           WHERE h.program_id = p.id AND h.changed_at < n.closes
                           ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) AS history_id
                    FROM programs p
                    JOIN facilities f ON f.id = p.facility_id
                    JOIN nights n ON n.tz COLLATE utf8mb4_unicode_ci = f.time_zone
                   WHERE 1 = 1""");
        programFilters(s).add("""
                
                )
                SELECT i.grp, SUM(h.capacity - h.out_of_service) AS capacity_nights, SUM(h.occupied) AS occupied_nights
                  FROM in_force i JOIN availability_history h ON h.id = i.history_id
                 WHERE h.source <> 'IMPORT' OR h.changed_at >= i.opens
                 GROUP BY i.grp""");
        return s;
    }

    /**
     * Bed requests made on local dates [from, to] in their region's zone (requests with no region: the
     * default zone), unmet ones, and those made outside Monday-Friday 09:00-17:00 local time.
     * Grouped by type, a request counts once under each type it asked for, or under ANY.
     */
    SqlQuery requests(String offsetsJson, String defaultZone, String utcStart, String utcEnd, String typesJson) {
        SqlQuery s = new SqlQuery().add("SELECT ").add(" " + q.groupBy().requestKey() + " ").add("""
                 AS grp, COUNT(*) AS bed_requests, SUM(r.unmet) AS unmet_requests,
                       SUM(WEEKDAY(r.local_at) >= 5 OR TIME(r.local_at) < '09:00:00' OR TIME(r.local_at) >= '17:00:00')
                         AS after_hours_requests
                  FROM (SELECT b.region_code, b.types, b.unmet, b.needs, b.created_at + INTERVAL o.secs SECOND AS local_at
                          FROM bed_requests b
                          LEFT JOIN regions g ON g.code = b.region_code
                          JOIN JSON_TABLE(?, '$[*]' COLUMNS (tz VARCHAR(64) PATH '$.z', starts DATETIME(6) PATH '$.s',
                                          ends DATETIME(6) PATH '$.e', secs INT PATH '$.o')) o
                            ON o.tz COLLATE utf8mb4_unicode_ci = COALESCE(g.time_zone, ?) AND b.created_at >= o.starts AND b.created_at < o.ends
                         WHERE b.created_at >= ? AND b.created_at < ?) r
                """, offsetsJson, defaultZone, utcStart, utcEnd);
        if (q.groupBy() == Grouping.TYPE) {
            s.add(" LEFT JOIN JSON_TABLE(?, '$[*]' COLUMNS (v VARCHAR(32) PATH '$')) t ON FIND_IN_SET(t.v COLLATE utf8mb4_unicode_ci, r.types) > 0",
                    typesJson);
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
        return s.add(" GROUP BY grp");
    }

    /**
     * Placements started in range and distinct clients placed (by the placement's program); moves and
     * episodes (by the program and start of the episode's first placement). Episodes are computed over
     * each client's whole chain: a placement starting more than one night after every earlier one
     * ended starts an episode; every other placement is a move.
     */
    SqlQuery placements() {
        SqlQuery s = new SqlQuery().add("""
                WITH chain AS (
                  SELECT x.id, x.client_id, x.program_id, x.start_date,
                         MAX(COALESCE(x.end_date, GREATEST(x.start_date, ?))) OVER (PARTITION BY x.client_id
                             ORDER BY x.start_date, x.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
                    FROM placements x
                   WHERE x.start_date <= ?
                ), flagged AS (
                  SELECT c.*, CASE WHEN c.previous_end IS NULL OR DATEDIFF(c.start_date, c.previous_end) > 1
                                   THEN 1 ELSE 0 END AS starts_episode
                    FROM chain c
                ), numbered AS (
                  SELECT g.*, SUM(g.starts_episode) OVER (PARTITION BY g.client_id ORDER BY g.start_date, g.id
                                                        ROWS UNBOUNDED PRECEDING) AS episode
                    FROM flagged g
                ), episodes AS (
                  SELECT e.*, FIRST_VALUE(e.program_id) OVER w AS first_program_id,
                              FIRST_VALUE(e.start_date) OVER w AS episode_start
                    FROM numbered e
                  WINDOW w AS (PARTITION BY e.client_id, e.episode ORDER BY e.start_date, e.id)
                )
                SELECT grp, SUM(placements) AS placements, SUM(clients) AS clients, SUM(moves) AS moves,
                       SUM(episodes) AS episodes
                  FROM (SELECT\s""", today.toString(), q.range().to().toString());
        s.add(" " + q.groupBy().programKey("x.start_date") + " ").add("""
                 AS grp, COUNT(*) AS placements, COUNT(DISTINCT x.client_id) AS clients,
                               0 AS moves, 0 AS episodes
                          FROM episodes x JOIN programs p ON p.id = x.program_id JOIN facilities f ON f.id = p.facility_id
                         WHERE x.start_date BETWEEN ? AND ?""", q.range().from().toString(), q.range().to().toString());
        programFilters(s).add(" GROUP BY grp UNION ALL SELECT ").add(" " + q.groupBy().programKey("x.episode_start") + " ").add("""
                 AS grp, 0, 0, COUNT(*) - SUM(x.starts_episode), SUM(x.starts_episode)
                          FROM episodes x JOIN programs p ON p.id = x.first_program_id JOIN facilities f ON f.id = p.facility_id
                         WHERE x.episode_start BETWEEN ? AND ?""", q.range().from().toString(), q.range().to().toString());
        return programFilters(s).add(" GROUP BY grp) u GROUP BY grp");
    }

    /**
     * Waits ended by a placement started in range: from joining a waitlist to the moment the entry
     * closed as PLACED. An entry belongs to the client's first placement made after it was created;
     * a placement that closed several entries counts once, with the longest of them.
     */
    SqlQuery waits() {
        SqlQuery s = new SqlQuery().add("""
                WITH waits AS (
                  SELECT w.created_at, w.closed_at,
                         (SELECT x.id FROM placements x WHERE x.client_id = w.client_id AND x.created_at >= w.created_at
                           ORDER BY x.created_at, x.id LIMIT 1) AS placement_id
                    FROM waitlist_entries w
                   WHERE w.status = 'PLACED' AND w.closed_at IS NOT NULL
                ), placed AS (
                  SELECT\s""").add(" " + q.groupBy().programKey("x.start_date") + " ").add("""
                 AS grp, x.client_id,
                         MAX(TIMESTAMPDIFF(SECOND, w.created_at, w.closed_at)) / 86400 AS days
                    FROM waits w JOIN placements x ON x.id = w.placement_id
                    JOIN programs p ON p.id = x.program_id JOIN facilities f ON f.id = p.facility_id
                   WHERE x.start_date BETWEEN ? AND ?""", q.range().from().toString(), q.range().to().toString());
        return programFilters(s).add("""
                 GROUP BY grp, x.id, x.client_id
                ), ranked AS (
                  SELECT grp, client_id, days, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY days) AS n,
                         COUNT(*) OVER (PARTITION BY grp) AS total
                    FROM placed
                )
                SELECT grp, AVG(CASE WHEN n IN (FLOOR((total + 1) / 2), CEIL((total + 1) / 2)) THEN days END)
                         AS median_wait_days, COUNT(DISTINCT client_id) AS waiting_people
                  FROM ranked GROUP BY grp""");
    }

    /**
     * Nights spent in HOTEL_MOTEL placements within [from, to] (an active placement runs to today) and
     * their cost at each placement's nightly cost; nights with no known cost add nothing to the cost.
     */
    SqlQuery hotel(String periodsJson) {
        String key = q.groupBy() == Grouping.MONTH ? "t.k" : q.groupBy().programKey(null);
        SqlQuery s = new SqlQuery().add("SELECT grp, SUM(nights) AS hotel_nights, SUM(nights * COALESCE(nightly_cost, 0))"
                + " AS hotel_cost FROM (SELECT " + key + " " + """
                 AS grp, x.nightly_cost,
                         GREATEST(0, DATEDIFF(LEAST(COALESCE(x.end_date, GREATEST(x.start_date, ?)),
                                                    DATE_ADD(t.ends, INTERVAL 1 DAY)),
                                              GREATEST(x.start_date, t.starts))) AS nights
                    FROM placements x JOIN programs p ON p.id = x.program_id JOIN facilities f ON f.id = p.facility_id
                    JOIN JSON_TABLE(?, '$[*]' COLUMNS (k VARCHAR(7) PATH '$.k', starts DATE PATH '$.s',
                                    ends DATE PATH '$.e')) t ON x.start_date <= t.ends
                   WHERE p.type = 'HOTEL_MOTEL' AND x.start_date <= ? AND (x.end_date IS NULL OR x.end_date > ?)""",
                today.toString(), periodsJson, q.range().to().toString(), q.range().from().toString());
        return programFilters(s).add(") n WHERE nights > 0 GROUP BY grp");
    }

    /** Region, type, population and capacity type of the program (aliases p and f). */
    private SqlQuery programFilters(SqlQuery s) {
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
