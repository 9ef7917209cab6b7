package org.harbour.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.facility.ProgramType;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The funders' capacity report: every figure is summed and grouped by the database; Java computes
 * the local-time boundaries beforehand and merges the grouped results into rows afterwards.
 */
@Singleton
@Transactional(readOnly = true) // one connection and one snapshot for all the statements
public class CapacityReport {

    /** Widest UTC offset either way, so a coarse UTC window holds every local date of the range. */
    private static final Duration WIDEST_OFFSET = Duration.ofHours(14);

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
        CapacitySql sql = new CapacitySql(q, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Map<String, GroupFigures> groups = new TreeMap<>();
        DateRange range = q.range();

        String nights = NightCutoffs.nightsJson(zones("SELECT DISTINCT time_zone FROM facilities"), range);
        collect(sql.nights(nights), groups, (rs, g) -> {
            g.capacityNights += rs.getLong("capacity_nights");
            g.occupiedNights += rs.getLong("occupied_nights");
        });

        Set<ZoneId> requestZones = zones("SELECT DISTINCT time_zone FROM regions");
        requestZones.add(defaultZone);
        Instant utcStart = range.from().atStartOfDay(ZoneOffset.UTC).toInstant().minus(WIDEST_OFFSET);
        Instant utcEnd = range.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(WIDEST_OFFSET);
        collect(sql.requests(NightCutoffs.offsetsJson(requestZones, utcStart, utcEnd), defaultZone.getId(),
                NightCutoffs.sql(utcStart), NightCutoffs.sql(utcEnd), typesJson(q)), groups, (rs, g) -> {
            g.bedRequests += rs.getLong("bed_requests");
            g.unmetRequests += rs.getLong("unmet_requests");
            g.afterHoursRequests += rs.getLong("after_hours_requests");
        });

        collect(sql.placements(), groups, (rs, g) -> {
            g.placements += rs.getLong("placements");
            g.clients += rs.getLong("clients");
            g.moves += rs.getLong("moves");
            g.episodes += rs.getLong("episodes");
        });
        collect(sql.waits(), groups, (rs, g) -> {
            g.medianWaitDays = rs.getBigDecimal("median_wait_days");
            g.waitingPeople = rs.getLong("waiting_people");
        });
        collect(sql.hotel(periodsJson(q)), groups, (rs, g) -> {
            g.hotelNights += rs.getLong("hotel_nights");
            BigDecimal cost = rs.getBigDecimal("hotel_cost");
            g.hotelCost = g.hotelCost.add(cost == null ? BigDecimal.ZERO : cost);
        });
        List<CapacityRow> rows = new ArrayList<>();
        groups.forEach((group, figures) -> rows.add(figures.toRow(group)));
        return rows;
    }

    private interface RowReader {
        void read(ResultSet rs, GroupFigures figures) throws SQLException;
    }

    private void collect(SqlQuery query, Map<String, GroupFigures> groups, RowReader reader) {
        jdbc.prepareStatement(query.sql(), statement -> {
            bind(statement, query.params());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs, groups.computeIfAbsent(rs.getString("grp"), g -> new GroupFigures()));
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /** Zones named in the database; a name Java does not know has no local time to compute. */
    private Set<ZoneId> zones(String sql) {
        return jdbc.prepareStatement(sql, statement -> {
            Set<ZoneId> zones = new LinkedHashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    try {
                        zones.add(ZoneId.of(rs.getString(1)));
                    } catch (DateTimeException | NullPointerException e) {
                        // skipped: the facility's nights cannot be placed in local time
                    }
                }
            }
            return zones;
        });
    }

    /** The types requests are split over when grouped by type: just the filtered one, if any. */
    private static String typesJson(CapacityQuery q) {
        List<ProgramType> types = q.type() != null ? List.of(q.type()) : Arrays.asList(ProgramType.values());
        return types.stream().map(t -> "\"" + t.name() + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** The periods hotel nights are counted over: each month of the range, or the whole range. */
    private static String periodsJson(CapacityQuery q) {
        DateRange range = q.range();
        StringJoiner json = new StringJoiner(",", "[", "]");
        if (q.groupBy() != Grouping.MONTH) {
            return json.add(period("", range.from(), range.to())).toString();
        }
        for (YearMonth month = YearMonth.from(range.from()); !month.atDay(1).isAfter(range.to()); month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1).isBefore(range.from()) ? range.from() : month.atDay(1);
            LocalDate end = month.atEndOfMonth().isAfter(range.to()) ? range.to() : month.atEndOfMonth();
            json.add(period(month.toString(), start, end));
        }
        return json.toString();
    }

    private static String period(String key, LocalDate start, LocalDate end) {
        return "{\"k\":\"" + key + "\",\"s\":\"" + start + "\",\"e\":\"" + end + "\"}";
    }
}
