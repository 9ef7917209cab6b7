package org.harbour.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.harbour.platform.SqlQuery;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The funders' capacity report: every figure is summed and grouped by the database; Java computes
 * the local-time boundaries beforehand and merges the grouped results into rows afterwards.
 */
@Singleton
@ReadOnly // one connection and one snapshot for all the statements
public class CapacityReport {

    /** Widest UTC offset either way, so a coarse UTC window holds every local date of the range. */
    static final Duration WIDEST_OFFSET = Duration.ofHours(14);

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final ZoneId defaultZone;

    CapacityReport(JdbcOperations jdbc, Clock clock,
                   @Value("${harbour.reports.default-time-zone:America/Toronto}") String defaultZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    public List<CapacityRow> run(CapacityQuery q) {
        Map<Cell, GroupFigures> groups = new TreeMap<>();
        for (Statement statement : statements(q)) {
            collect(statement, groups);
        }
        everyMonth(q, groups);
        boolean twoDimensions = q.groupBy().second() != null;
        List<CapacityRow> rows = new ArrayList<>();
        groups.forEach((cell, figures) -> rows.add(figures.toRow(cell.group(), twoDimensions ? cell.group2() : null)));
        return rows;
    }

    /** A row's keys, ordered by group, then group2 ("" with one dimension). Months sort as "2025-03". */
    record Cell(String group, String group2) implements Comparable<Cell> {
        private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::group).thenComparing(Cell::group2);

        @Override
        public int compareTo(Cell other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Months run on without a gap: every month of the range is a row (with zeros, and nulls where nothing can be
     * said), also one with no data at all, so a chart shows the gap instead of joining March to November. With two
     * dimensions, every month for each value of the other dimension that has a row.
     */
    static void everyMonth(CapacityQuery q, Map<Cell, GroupFigures> groups) {
        GroupBy by = q.groupBy();
        if (!by.has(Grouping.MONTH)) {
            return;
        }
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(q.range().from()); !m.isAfter(YearMonth.from(q.range().to())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Set<String> others = new TreeSet<>();
        if (by.second() == null) {
            others.add("");
        } else {
            groups.keySet().forEach(c -> others.add(by.first() == Grouping.MONTH ? c.group2() : c.group()));
        }
        for (String month : months) {
            for (String other : others) {
                groups.computeIfAbsent(by.first() == Grouping.MONTH ? new Cell(month, other) : new Cell(other, month),
                        c -> new GroupFigures());
            }
        }
    }

    /**
     * The dates that have data, for a report asked without dates: from the first night with counts (the night
     * stored with the row), bed request, placement or door outcome to the last (requests and outcomes by their UTC
     * date: a day's slack either way is harmless here), at most the
     * last three years of it. Counts stay in force until the next change, so once any program has counts the
     * range runs to yesterday (today's night is not over). Yesterday alone when there is no data at all.
     */
    public DateRange dataRange() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        return jdbc.prepareStatement("""
                SELECT MIN(d) AS first_day, MAX(d) AS last_day, MAX(counts) AS has_counts FROM (
                  SELECT MIN(COALESCE(night, DATE(changed_at))) AS d, COUNT(*) > 0 AS counts FROM availability_history
                  UNION ALL SELECT DATE(MIN(created_at)), 0 FROM bed_requests
                  UNION ALL SELECT DATE(MAX(created_at)), 0 FROM bed_requests
                  UNION ALL SELECT MIN(start_date), 0 FROM placements
                  UNION ALL SELECT MAX(start_date), 0 FROM placements
                  UNION ALL SELECT DATE(MIN(ended_at)), 0 FROM holds WHERE door_outcome IS NOT NULL
                  UNION ALL SELECT DATE(MAX(ended_at)), 0 FROM holds WHERE door_outcome IS NOT NULL) x""", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                LocalDate first = rs.getObject("first_day", LocalDate.class);
                LocalDate last = rs.getObject("last_day", LocalDate.class);
                if (first == null) {
                    return new DateRange(yesterday, yesterday);
                }
                if (rs.getBoolean("has_counts") && last.isBefore(yesterday)) {
                    last = yesterday;
                }
                LocalDate earliest = last.minusYears(DateRange.MAX_YEARS).plusDays(1);
                return new DateRange(first.isBefore(earliest) ? earliest : first, last);
            }
        });
    }

    /** One grouped statement and how its columns add to a group's figures. */
    record Statement(String name, SqlQuery query, RowReader reader) {
    }

    /** The statements a report runs, in order; public so the benchmark can EXPLAIN them too. */
    public List<Statement> statements(CapacityQuery q) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CapacitySql sql = new CapacitySql(q, today);
        PeopleSql people = new PeopleSql(q, today);
        DateRange range = q.range();
        String periods = JsonTables.periods(q, range);
        DateRange personPeriod = Suppression.period(range);
        // history a day either side of the range, so every night's window is inside it in any zone
        Instant historyFrom = range.from().minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant historyTo = range.to().plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<ZoneId> facilityZones = Zones.named(jdbc, Zones.FACILITIES);
        DoorSql door = DoorSql.of(q, facilityZones);
        Set<ZoneId> requestZones = Zones.named(jdbc, Zones.REGIONS);
        requestZones.add(defaultZone);
        Instant requestsFrom = range.from().atStartOfDay(ZoneOffset.UTC).toInstant().minus(WIDEST_OFFSET);
        Instant requestsTo = range.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(WIDEST_OFFSET);
        return List.of(
                new Statement("nights", sql.nights(facilityZones, historyFrom,
                        historyTo, periods), (rs, g) -> {
                    g.capacityNights += rs.getLong("capacity_nights");
                    g.occupiedNights += rs.getLong("occupied_nights");
                }),
                new Statement("requests", sql.requests(requestZones, defaultZone.getId(), requestsFrom, requestsTo,
                        JsonTables.types(q)), (rs, g) -> {
                    g.bedRequests += rs.getLong("bed_requests");
                    g.unmetRequests += rs.getLong("unmet_requests");
                    g.afterHoursRequests += rs.getLong("after_hours_requests");
                }),
                new Statement("placements", people.placements(), (rs, g) -> {
                    g.placements += rs.getLong("placements");
                    g.clients += rs.getLong("clients");
                    g.moves += rs.getLong("moves");
                    g.episodes += rs.getLong("episodes");
                    g.episodePeople += rs.getLong("episode_people");
                }),
                new Statement("waits", people.waits(), (rs, g) -> {
                    g.medianWaitDays = rs.getBigDecimal("median_wait_days");
                    g.waitingPeople = rs.getLong("waiting_people");
                }),
                new Statement("hotel", sql.hotel(JsonTables.periods(q, personPeriod), personPeriod), (rs, g) -> {
                    g.hotelNights += rs.getLong("hotel_nights");
                    g.hotelPeople += rs.getLong("hotel_people");
                    BigDecimal cost = rs.getBigDecimal("hotel_cost");
                    g.hotelCost = g.hotelCost.add(cost == null ? BigDecimal.ZERO : cost);
                }),
                new Statement("door", door.outcomes(), (rs, g) -> g.door.readOutcomes(rs)),
                new Statement("doorReasons", door.refusalReasons(), (rs, g) -> g.door.readReason(rs)));
    }

    interface RowReader {
        void read(ResultSet rs, GroupFigures figures) throws SQLException;
    }

    private void collect(Statement report, Map<Cell, GroupFigures> groups) {
        jdbc.prepareStatement(report.query().sql(), statement -> {
            report.query().bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Cell cell = new Cell(rs.getString("grp"), rs.getString("grp2"));
                    report.reader().read(rs, groups.computeIfAbsent(cell, g -> new GroupFigures()));
                }
            }
            return null;
        });
    }
}
