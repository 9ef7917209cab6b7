package org.harbour.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.harbour.availability.NightCutoffs;
import org.harbour.platform.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Where a capacity report's nights come from, for the spreadsheet's header (issue 19): Harbour's own counts (staff,
 * feeds, holds and placements, every history row but an import's) and imported open data (the City of Toronto's
 * daily occupancy file, source IMPORT), each with the nights and programs it covers inside the range and filters.
 */
@Singleton
@ReadOnly
class ReportSources {

    /** Nights from first to last, over this many programs; first and last are null when there is none. */
    record Coverage(@Nullable LocalDate first, @Nullable LocalDate last, long programs) {
        static final Coverage NONE = new Coverage(null, null, 0);
    }

    record Sources(Coverage harbour, Coverage imported) {
    }

    private final JdbcOperations jdbc;

    ReportSources(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Sources of(CapacityQuery q) {
        // history a day either side of the range (indexed by changed_at), then kept by the night each row counts for
        Instant lo = q.range().from().minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant hi = q.range().to().plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        SqlQuery s = new SqlQuery().add("SELECT imported, FROM_DAYS(MIN(night)) AS first_night,"
                + " FROM_DAYS(MAX(night)) AS last_night, COUNT(DISTINCT program_id) AS programs"
                + " FROM (SELECT h.source = 'IMPORT' AS imported, h.program_id, COALESCE(TO_DAYS(h.night), ");
        // the night stored with the row (V16); worked out from its local time only for rows written before
        NightCutoffs.night(s, "f.time_zone", "h.changed_at", Zones.named(jdbc, Zones.FACILITIES), lo, hi);
        s.add(") AS night FROM availability_history h JOIN programs p ON p.id = h.program_id"
                + " JOIN facilities f ON f.id = p.facility_id WHERE h.changed_at >= ? AND h.changed_at < ?",
                NightCutoffs.sql(lo), NightCutoffs.sql(hi));
        CapacitySql.programFilters(q, s).add(") x WHERE night BETWEEN ? AND ? GROUP BY imported",
                NightCutoffs.dayNumber(q.range().from()), NightCutoffs.dayNumber(q.range().to()));
        return jdbc.prepareStatement(s.sql(), statement -> {
            s.bind(statement);
            Coverage harbour = Coverage.NONE;
            Coverage imported = Coverage.NONE;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Coverage coverage = coverage(rs);
                    if (rs.getBoolean("imported")) {
                        imported = coverage;
                    } else {
                        harbour = coverage;
                    }
                }
            }
            return new Sources(harbour, imported);
        });
    }

    private static Coverage coverage(ResultSet rs) throws SQLException {
        return new Coverage(rs.getObject("first_night", LocalDate.class), rs.getObject("last_night", LocalDate.class),
                rs.getLong("programs"));
    }
}
