package org.harbour.report;

import org.harbour.platform.SqlQuery;

import java.time.LocalDate;

/**
 * The capacity report's statements about people rather than beds: placements, clients, moves and episodes, and
 * waits ended by a placement. Grouped and filtered as {@link CapacitySql}'s, by the placement's program. Figures
 * about people cover the whole months of the range ({@link Suppression#period}); the count of placements, which
 * is not about people, covers the asked range exactly.
 */
final class PeopleSql {

    private final CapacityQuery q;
    private final LocalDate today;
    private final DateRange people;

    PeopleSql(CapacityQuery q, LocalDate today) {
        this.q = q;
        this.today = today;
        this.people = Suppression.period(q.range());
    }

    /**
     * Placements started in range, and over the person period: distinct clients placed (by the placement's
     * program); moves, episodes and the clients whose episodes they are (by the program and start of the
     * episode's first placement). Episodes are read from each client's whole chain: a placement starting more
     * than one night after every earlier one ended starts an episode; every other placement is a move. Each
     * placement is counted in both roles from one evaluation of the chain (role 1: itself, role 2: as part of
     * its episode).
     */
    SqlQuery placements() {
        SqlQuery s = new SqlQuery().add("""
                WITH chain AS (
                  SELECT x.id, x.client_id, x.program_id, x.start_date,
                         MAX(COALESCE(x.end_date, GREATEST(x.start_date, ?))) OVER (PARTITION BY x.client_id
                             ORDER BY x.start_date, x.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end
                    FROM placements x
                   WHERE x.start_date <= ?
                     AND x.client_id IN (SELECT client_id FROM placements WHERE start_date BETWEEN ? AND ?)
                ), flagged AS (
                  SELECT c.*, CASE WHEN c.previous_end IS NULL OR DATEDIFF(c.start_date, c.previous_end) > 1
                                   THEN 1 ELSE 0 END AS starts_episode
                    FROM chain c
                ), numbered AS (
                  SELECT g.*, SUM(g.starts_episode) OVER (PARTITION BY g.client_id ORDER BY g.start_date, g.id
                                                        ROWS UNBOUNDED PRECEDING) AS episode
                    FROM flagged g
                ), episodes AS (
                  SELECT e.client_id, e.starts_episode, e.program_id, e.start_date,
                         FIRST_VALUE(e.program_id) OVER w AS first_program_id,
                         FIRST_VALUE(e.start_date) OVER w AS episode_start
                    FROM numbered e
                  WINDOW w AS (PARTITION BY e.client_id, e.episode ORDER BY e.start_date, e.id)
                )
                SELECT\s""", today.toString(), people.to().toString(), people.from().toString(),
                people.to().toString());
        s.add(q.groupBy().programKeys("IF(role.n = 1, x.start_date, x.episode_start)") + """
                ,
                       SUM(role.n = 1 AND x.start_date BETWEEN ? AND ?) AS placements,
                       COUNT(DISTINCT IF(role.n = 1, x.client_id, NULL)) AS clients,
                       SUM(role.n = 2 AND x.starts_episode = 0) AS moves, SUM(role.n = 2 AND x.starts_episode = 1) AS episodes,
                       COUNT(DISTINCT IF(role.n = 2 AND x.starts_episode = 1, x.client_id, NULL)) AS episode_people
                """, q.range().from().toString(), q.range().to().toString());
        s.add("""
                  FROM episodes x
                  JOIN (SELECT 1 AS n UNION ALL SELECT 2) role
                    ON IF(role.n = 1, x.start_date, x.episode_start) BETWEEN ? AND ?
                  JOIN programs p ON p.id = IF(role.n = 1, x.program_id, x.first_program_id)
                  JOIN facilities f ON f.id = p.facility_id
                 WHERE 1 = 1""", people.from().toString(), people.to().toString());
        return CapacitySql.programFilters(q, s).add(" GROUP BY grp, grp2");
    }

    /**
     * Waits ended by a placement started in the person period: from joining a waitlist to the moment the entry
     * closed as PLACED. An entry belongs to the client's first placement made after it was created (made after
     * it, and the client's previous placement made before it); a placement that closed several entries counts
     * once, with the longest of them.
     */
    SqlQuery waits() {
        SqlQuery s = new SqlQuery().add("""
                WITH placed AS (
                  SELECT x.id, x.client_id, x.program_id, x.start_date, x.created_at,
                         LAG(x.created_at) OVER (PARTITION BY x.client_id ORDER BY x.created_at, x.id) AS previous_at
                    FROM placements x
                   WHERE x.client_id IN (SELECT client_id FROM placements WHERE start_date BETWEEN ? AND ?)
                ), waits AS (
                  SELECT\s""", people.from().toString(), people.to().toString());
        s.add(q.groupBy().programKeys("x.start_date") + """
                , x.client_id,
                         MAX(TIMESTAMPDIFF(SECOND, w.created_at, w.closed_at)) / 86400 AS days
                    FROM placed x
                    JOIN waitlist_entries w ON w.client_id = x.client_id AND w.status = 'PLACED'
                     AND w.created_at <= x.created_at AND (x.previous_at IS NULL OR w.created_at > x.previous_at)
                    JOIN programs p ON p.id = x.program_id JOIN facilities f ON f.id = p.facility_id
                   WHERE w.closed_at IS NOT NULL AND x.start_date BETWEEN ? AND ?""",
                people.from().toString(), people.to().toString());
        return CapacitySql.programFilters(q, s).add("""
                 GROUP BY grp, grp2, x.id, x.client_id
                ), ranked AS (
                  SELECT grp, grp2, client_id, days, ROW_NUMBER() OVER (PARTITION BY grp, grp2 ORDER BY days) AS n,
                         COUNT(*) OVER (PARTITION BY grp, grp2) AS total
                    FROM waits
                )
                SELECT grp, grp2, AVG(CASE WHEN n IN (FLOOR((total + 1) / 2), CEIL((total + 1) / 2)) THEN days END)
                         AS median_wait_days, COUNT(DISTINCT client_id) AS waiting_people
                  FROM ranked GROUP BY grp, grp2""");
    }
}
