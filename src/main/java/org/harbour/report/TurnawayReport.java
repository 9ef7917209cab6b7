package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.harbour.platform.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * People Toronto's Central Intake could not place: its daily calls, referrals to a space and the
 * calls where no space was available (codes 3A families, 3B individuals and couples).
 * Reads central_intake_calls, filled by the Central Intake importer (codes 1A, 3A and 3B).
 * Beside them, the people Harbour's programs turned away at the door over the same dates, by reason: for the
 * whole range only, since a day's refusals are almost always too few people to show.
 */
@Singleton
@ReadOnly
public class TurnawayReport {

    private final JdbcOperations jdbc;

    TurnawayReport(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    record Day(LocalDate date, @Nullable Integer callsHandled, @Nullable Integer referralsToSpace,
               @Nullable Integer unavailableFamily, @Nullable Integer unavailableIndividuals) {

        static final List<String> COLUMNS = Arrays.stream(Day.class.getRecordComponents()).map(c -> c.getName()).toList();

        List<Object> values() {
            return Arrays.asList(date, callsHandled, referralsToSpace, unavailableFamily, unavailableIndividuals);
        }
    }

    @Serdeable
    record Totals(int days, long callsHandled, long referralsToSpace, long unavailableFamily, long unavailableIndividuals) {
    }

    /**
     * The days and their totals; doorRefusals and doorRefusalsByReason are every program's refusals at the door
     * in the whole months of the range, personFiguresPeriod (suppressed as the capacity report's door figures are).
     */
    @Serdeable
    record Report(List<Day> rows, Totals totals, @Nullable Long doorRefusals, Map<String, Long> doorRefusalsByReason,
                  DateRange personFiguresPeriod) {
    }

    public Report run(DateRange range) {
        Calls calls = calls(range);
        DoorFigures door = new DoorFigures();
        DoorSql doorSql = DoorSql.everywhere(range, Zones.named(jdbc, Zones.FACILITIES));
        read(doorSql.outcomes(), door::readOutcomes);
        read(doorSql.refusalReasons(), door::readReason);
        return new Report(calls.rows(), calls.totals(), door.refusals(), door.refusalsByReason(),
                Suppression.period(range));
    }

    private record Calls(List<Day> rows, Totals totals) {
    }

    /** The days in order; the ROLLUP row (day NULL) carries the totals, so they are summed in SQL too. */
    private Calls calls(DateRange range) {
        return jdbc.prepareStatement("""
                SELECT call_date AS day, COUNT(*) AS days, SUM(calls_handled) AS calls_handled,
                       SUM(code_1a_referred_to_space) AS referrals_to_space,
                       SUM(code_3a_unavailable_family) AS unavailable_family,
                       SUM(code_3b_unavailable_individuals) AS unavailable_individuals
                  FROM central_intake_calls
                 WHERE call_date BETWEEN ? AND ?
                 GROUP BY call_date WITH ROLLUP""", statement -> {
            statement.setObject(1, range.from());
            statement.setObject(2, range.to());
            List<Day> rows = new ArrayList<>();
            Totals totals = new Totals(0, 0, 0, 0, 0);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    if (day == null) {
                        totals = new Totals(rs.getInt("days"), rs.getLong("calls_handled"),
                                rs.getLong("referrals_to_space"), rs.getLong("unavailable_family"),
                                rs.getLong("unavailable_individuals"));
                    } else {
                        rows.add(new Day(day, integer(rs, "calls_handled"), integer(rs, "referrals_to_space"),
                                integer(rs, "unavailable_family"), integer(rs, "unavailable_individuals")));
                    }
                }
            }
            return new Calls(rows, totals);
        });
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void read(SqlQuery query, RowReader reader) {
        jdbc.prepareStatement(query.sql(), statement -> {
            query.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
            return null;
        });
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
