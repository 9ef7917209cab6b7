package org.harbour.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.harbour.client.Needs;
import org.harbour.facility.Eligibility;
import org.harbour.facility.Gender;
import org.harbour.facility.IntakeHours;
import org.harbour.facility.SubstancePolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Loads the best programs that have a bookable bed, narrowed and ranked in SQL, and the near misses; the
 * eligibility rules themselves stay in {@link Matcher} (the SQL here pre-selects and orders with the same rules).
 */
@Singleton
class CandidateQueries {

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final FacilityZones zones;

    CandidateQueries(JdbcOperations jdbc, JsonMapper json, FacilityZones zones) {
        this.jdbc = jdbc;
        this.json = json;
        this.zones = zones;
    }

    /** The columns {@link #map} reads, in order; a confidential facility's address never leaves the database. */
    private static final String COLUMNS = """
            p.id, p.facility_id, f.name AS facility_name, p.name AS program_name, p.type,
                   f.region_code, f.municipality, f.intake_phone, f.time_zone, f.intake_always_open,
                   f.intake_weekly, p.max_stay_days, GREATEST(a.available - a.held, 0) AS bookable, a.updated_at,
                   p.genders, p.min_age, p.max_age, p.accepts_children, p.accepts_pets, p.substance_use,
                   p.accepts_current_sex_trade, p.mandatory_activities, p.wheelchair_accessible,
                   p.trafficking_specialized, p.languages, p.culturally_specific,
                   IF(f.confidential, NULL, f.address) AS address""";

    /** What one search read: the best matches (at most the limit asked), how many matched in all, the near misses. */
    record Found(List<Candidate> best, int totalMatches, List<Candidate> nearMisses) {
    }

    /**
     * The ranked matches and the near misses, both in ONE round trip (two queries in one packet). The matches are
     * filtered, ranked and cut to {@code max} by the database (ORDER BY the ranking, LIMIT), with their total from
     * the same query ({@code COUNT(*) OVER ()}), so only the rows the answer shows are sent and mapped.
     * {@link Matcher} still decides; these queries only pre-select and order with the same rules.
     */
    @Connectable
    Found search(@Nullable String regionCode, Collection<String> types, Needs needs, boolean admitNow,
                 Instant now, Instant staleBefore, int max, int nearMissesRead) {
        for (int attempt = 0; ; attempt++) {
            String zones = this.zones.secondsOfWeekJson(now);
            List<Object> params = new ArrayList<>();
            String sql = matches(regionCode, types, needs, admitNow, zones, staleBefore, max, params) + ";\n"
                    + nearMisses(regionCode, types, needs, admitNow, zones, staleBefore, nearMissesRead, params);
            Found found = jdbc.prepareStatement(sql, statement -> {
                bind(statement, params);
                statement.execute();
                List<Candidate> best = new ArrayList<>();
                int total = 0;
                boolean unknownZone = false;
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        best.add(map(rs));
                        total = rs.getInt(MATCH_TOTAL);
                        unknownZone = rs.getBoolean(MATCH_UNKNOWN_ZONES);
                    }
                }
                if (unknownZone) {
                    return null;
                }
                statement.getMoreResults();
                List<Candidate> near = new ArrayList<>();
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        near.add(map(rs));
                    }
                }
                return new Found(best, total, near);
            });
            if (found != null || attempt > 0) {
                return found != null ? found : new Found(List.of(), 0, List.of());
            }
            // a facility in a zone not yet known (added since the zones were read): read them again, ask again
            this.zones.refresh();
        }
    }

    /** Positions of the columns the matches query adds after {@link #COLUMNS}. */
    private static final int MATCH_TOTAL = 28;
    private static final int MATCH_UNKNOWN_ZONES = 29;

    /**
     * Starts from the counts' (has_bed, region_code) index (V25), which lists only the programs with a bed to
     * book: a region's few hundred of them instead of all its programs. The join order is fixed because, given a
     * type, the optimizer would otherwise walk every program of that type in the country (ix_programs_type) and
     * check each one's counts. The ranking is {@link Matcher#ranking}'s: preferences met, intake open now, fresh,
     * most bookable, then the program id.
     */
    private static String matches(@Nullable String regionCode, Collection<String> types, Needs needs, boolean admitNow,
                                  String zones, Instant staleBefore, int max, List<Object> params) {
        // The ranking works on narrow rows (ids and sort keys): with COLUMNS in it, the window function's temporary
        // table held the intake JSON, a BLOB, so MariaDB built it on disk (Aria), 33 of a request's 37 ms. Only the
        // rows shown are then joined for their columns.
        StringBuilder sql = new StringBuilder("SELECT STRAIGHT_JOIN ").append(COLUMNS).append("""
                , best.total, best.unknown_zones
                  FROM (SELECT c.id, c.preference, c.open_now, c.stale, c.bookable, COUNT(*) OVER () AS total,
                               MAX(c.zone_unknown) OVER () AS unknown_zones
                          FROM (SELECT STRAIGHT_JOIN p.id, GREATEST(a.available - a.held, 0) AS bookable, """)
                .append(EligibilitySql.OPEN_NOW).append(" AS open_now, ")
                .append(EligibilitySql.ZONE_UNKNOWN).append(" AS zone_unknown, a.updated_at < ? AS stale, ");
        params.add(zones);
        params.add(zones);
        params.add(Timestamp.from(staleBefore));
        sql.append(EligibilitySql.preferenceScore(needs, params)).append(" AS preference").append("""

                  FROM availability a
                  JOIN programs p ON p.id = a.program_id
                  JOIN facilities f ON f.id = p.facility_id
                 WHERE a.has_bed = TRUE""");
        where(regionCode, types, sql, params);
        for (EligibilitySql.Rule rule : EligibilitySql.rules(needs)) {
            sql.append(" AND NOT ").append(rule.fails());
            params.addAll(rule.params());
        }
        // with admitNow a closed one is a near miss, not a match; a row whose zone is unknown stays to be seen
        sql.append(") c WHERE ? OR c.open_now OR c.zone_unknown"
                + " ORDER BY c.preference DESC, c.open_now DESC, c.stale, c.bookable DESC, c.id LIMIT ?) best");
        params.add(!admitNow);
        params.add(max);
        sql.append("""

                  JOIN availability a ON a.program_id = best.id
                  JOIN programs p ON p.id = best.id
                  JOIN facilities f ON f.id = p.facility_id
                 ORDER BY best.preference DESC, best.open_now DESC, best.stale, best.bookable DESC, best.id""");
        return sql.toString();
    }

    /**
     * The programs of the region and types that fail one or two conditions (a stated need, no bed to book, intake
     * closed with {@code admitNow}), fewest first, at most {@code max} of each kind: the SQL form of the near
     * misses. Three parts, each from the counts' (has_bed, region_code) index: programs with a bed that fail one or
     * two conditions (the region's bookable ones, sorted), then full programs that fail nothing else and full ones
     * that fail one more. The full ones are most of a region, so those two parts take the first {@code max} in
     * index order and stop there instead of reading them all; the chosen few alone are joined to their counts and
     * facility. {@link Matcher} still names the reasons; these counts only pre-select.
     */
    private static String nearMisses(@Nullable String regionCode, Collection<String> types, Needs needs,
                                     boolean admitNow, String zones, Instant staleBefore, int max, List<Object> params) {
        List<EligibilitySql.Rule> rules = EligibilitySql.rules(needs);
        StringBuilder misses = new StringBuilder("0");
        List<Object> missParams = new ArrayList<>();
        for (EligibilitySql.Rule rule : rules) {
            misses.append(" + (").append(rule.fails()).append(')');
            missParams.addAll(rule.params());
        }
        if (admitNow) {
            misses.append(" + (NOT ").append(EligibilitySql.OPEN_NOW).append(')');
            missParams.add(zones);
        }
        boolean anyCondition = !rules.isEmpty() || admitNow;
        List<String> parts = new ArrayList<>();
        if (anyCondition) {
            // the bookable ones failing one or two conditions: a region's few hundred, sorted, fewest failures first
            StringBuilder part = new StringBuilder("(SELECT STRAIGHT_JOIN a.program_id, TRUE AS has_bed, ")
                    .append(misses).append(" AS misses FROM availability a JOIN programs p ON p.id = a.program_id")
                    .append(" JOIN facilities f ON f.id = p.facility_id WHERE a.has_bed = TRUE");
            params.addAll(missParams);
            where(regionCode, types, part, params);
            part.append(" HAVING misses BETWEEN 1 AND 2 ORDER BY misses, ").append(EligibilitySql.preferences(needs, params))
                    .append("a.updated_at < ?, GREATEST(a.available - a.held, 0) DESC, program_id LIMIT ?)");
            params.add(Timestamp.from(staleBefore));
            params.add(max);
            parts.add(part.toString());
        }
        for (int failed = 0; failed <= (anyCondition ? 1 : 0); failed++) {
            // the full ones failing nothing else, then one thing: the first few in index order, without reading all
            StringBuilder part = new StringBuilder("(SELECT STRAIGHT_JOIN a.program_id, FALSE AS has_bed, ")
                    .append(failed + 1).append(" AS misses FROM availability a JOIN programs p ON p.id = a.program_id")
                    .append(" JOIN facilities f ON f.id = p.facility_id WHERE a.has_bed = FALSE");
            where(regionCode, types, part, params);
            part.append(" AND (").append(misses).append(") = ").append(failed).append(" LIMIT ?)");
            params.addAll(missParams);
            params.add(max);
            parts.add(part.toString());
        }
        return "SELECT STRAIGHT_JOIN " + COLUMNS + "\n  FROM (" + String.join("\n UNION ALL ", parts) + """
                ) near
                  JOIN availability a ON a.program_id = near.program_id
                  JOIN programs p ON p.id = near.program_id
                  JOIN facilities f ON f.id = p.facility_id
                 ORDER BY near.misses, near.has_bed DESC, near.program_id""";
    }

    private static void where(@Nullable String regionCode, Collection<String> types, StringBuilder sql,
                              List<Object> params) {
        if (regionCode != null) {
            // f.region_code would give the same answer; a.region_code is what the index holds
            sql.append(" AND a.region_code = ?");
            params.add(regionCode);
        }
        if (!types.isEmpty()) {
            sql.append(" AND p.type IN (").append(String.join(",", types.stream().map(t -> "?").toList())).append(")");
            params.addAll(types);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /** Reads the columns by position, in order: the driver then neither looks names up nor seeks back. */
    private Candidate map(ResultSet rs) throws SQLException {
        long programId = rs.getLong(1);
        long facilityId = rs.getLong(2);
        String facilityName = rs.getString(3);
        String programName = rs.getString(4);
        String type = rs.getString(5);
        String regionCode = rs.getString(6);
        String municipality = rs.getString(7);
        String intakePhone = rs.getString(8);
        ZoneId timeZone = ZoneId.of(rs.getString(9));
        IntakeHours intakeHours = intakeHours(rs.getBoolean(10), rs.getString(11));
        Integer maxStayDays = rs.getObject(12, Integer.class);
        int bookable = rs.getInt(13);
        // DATETIME read as it is stored (UTC, the session zone): getTimestamp would build a Calendar per row
        Instant updatedAt = rs.getObject(14, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        Eligibility eligibility = new Eligibility(
                split(rs.getString(15)).stream().map(Gender::valueOf).toList(),
                rs.getObject(16, Integer.class), rs.getObject(17, Integer.class),
                rs.getBoolean(18), rs.getBoolean(19), SubstancePolicy.valueOf(rs.getString(20)), rs.getBoolean(21),
                rs.getBoolean(22), rs.getBoolean(23), rs.getBoolean(24), split(rs.getString(25)), rs.getString(26));
        String address = rs.getString(27);
        return new Candidate(programId, facilityId, facilityName, programName, type, regionCode, municipality,
                intakePhone, address, timeZone, intakeHours, maxStayDays, bookable, updatedAt, eligibility);
    }

    private IntakeHours intakeHours(boolean alwaysOpen, String weekly) {
        if (alwaysOpen || weekly == null) {
            return IntakeHours.ALWAYS;
        }
        try {
            return new IntakeHours(false, List.of(json.readValue(weekly, IntakeHours.Window[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
