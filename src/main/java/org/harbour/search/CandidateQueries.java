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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Loads the programs that have a bookable bed, narrowed in SQL by region and type, and the near misses; the
 * eligibility rules themselves stay in {@link Matcher} (the SQL here only pre-selects with the same rules).
 */
@Singleton
class CandidateQueries {

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    CandidateQueries(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    /**
     * Narrows by the stated needs in SQL too, so a search over thousands of programs loads and maps only
     * the few that can match (issue 6); {@link Matcher} still decides, these filters only pre-select.
     */
    @Connectable
    List<Candidate> bookable(@Nullable String regionCode, Collection<String> types, Needs needs) {
        // Starts from the counts' (has_bed, region_code) index (V25), which lists only the programs with a
        // bed to book: a region's ~80 of them instead of all its ~660 programs, most of them full. The join
        // order is fixed because, given a type, the optimizer would otherwise walk every program of that
        // type in the country (ix_programs_type) and check each one's counts.
        StringBuilder sql = new StringBuilder("SELECT STRAIGHT_JOIN " + COLUMNS + """

                  FROM availability a
                  JOIN programs p ON p.id = a.program_id
                  JOIN facilities f ON f.id = p.facility_id
                 WHERE a.has_bed = TRUE""");
        List<Object> params = new ArrayList<>();
        where(regionCode, types, sql, params);
        for (EligibilitySql.Rule rule : EligibilitySql.rules(needs)) {
            sql.append(" AND NOT ").append(rule.fails());
            params.addAll(rule.params());
        }
        return query(sql.toString(), params);
    }

    /**
     * The programs of the region and types that fail one or two conditions (a stated need, or no bed to book),
     * fewest first, at most {@code max} of each kind: the SQL form of the near misses, in one statement. Three
     * parts, each from the counts' (has_bed, region_code) index: programs with a bed that fail one or two needs
     * (the region's few bookable ones, sorted), then full programs that fail none and full ones that fail one.
     * The full ones are most of a region, so those two parts take the first {@code max} in index order and stop
     * there instead of reading them all; the chosen few alone are joined to their counts and facility.
     * {@link Matcher} still names the reasons; these counts only pre-select.
     */
    @Connectable
    List<Candidate> nearMisses(@Nullable String regionCode, Collection<String> types, Needs needs, int max) {
        List<EligibilitySql.Rule> rules = EligibilitySql.rules(needs);
        StringBuilder misses = new StringBuilder("0");
        List<Object> missParams = new ArrayList<>();
        for (EligibilitySql.Rule rule : rules) {
            misses.append(" + (").append(rule.fails()).append(')');
            missParams.addAll(rule.params());
        }
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (!rules.isEmpty()) {
            // the bookable ones failing one or two needs: a region's few dozen, sorted, fewest failures first
            StringBuilder part = new StringBuilder("(SELECT STRAIGHT_JOIN a.program_id, TRUE AS has_bed, ")
                    .append(misses).append(" AS misses FROM availability a JOIN programs p ON p.id = a.program_id")
                    .append(" WHERE a.has_bed = TRUE");
            params.addAll(missParams);
            where(regionCode, types, part, params);
            part.append(" HAVING misses BETWEEN 1 AND 2 ORDER BY misses, ").append(EligibilitySql.preferences(needs, params))
                    .append("program_id LIMIT ?)");
            params.add(max);
            parts.add(part.toString());
        }
        for (int failed = 0; failed <= (rules.isEmpty() ? 0 : 1); failed++) {
            // the full ones failing no need, then one: the first few in index order, without reading them all
            StringBuilder part = new StringBuilder("(SELECT STRAIGHT_JOIN a.program_id, FALSE AS has_bed, ")
                    .append(failed + 1).append(" AS misses FROM availability a JOIN programs p ON p.id = a.program_id")
                    .append(" WHERE a.has_bed = FALSE");
            where(regionCode, types, part, params);
            part.append(" AND (").append(misses).append(") = ").append(failed).append(" LIMIT ?)");
            params.addAll(missParams);
            params.add(max);
            parts.add(part.toString());
        }
        String sql = "SELECT STRAIGHT_JOIN " + COLUMNS + "\n  FROM (" + String.join("\n UNION ALL ", parts) + """
                ) near
                  JOIN availability a ON a.program_id = near.program_id
                  JOIN programs p ON p.id = near.program_id
                  JOIN facilities f ON f.id = p.facility_id
                 ORDER BY near.misses, near.has_bed DESC, near.program_id""";
        return query(sql, params);
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

    private List<Candidate> query(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            List<Candidate> candidates = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    candidates.add(map(rs));
                }
            }
            return candidates;
        });
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
