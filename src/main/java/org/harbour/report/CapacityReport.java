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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        Map<String, GroupFigures> groups = new TreeMap<>();
        for (Statement statement : statements(q)) {
            collect(statement, groups);
        }
        List<CapacityRow> rows = new ArrayList<>();
        groups.forEach((group, figures) -> rows.add(figures.toRow(group)));
        return rows;
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

    private void collect(Statement report, Map<String, GroupFigures> groups) {
        jdbc.prepareStatement(report.query().sql(), statement -> {
            report.query().bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    report.reader().read(rs, groups.computeIfAbsent(rs.getString("grp"), g -> new GroupFigures()));
                }
            }
            return null;
        });
    }
}
