package org.harbour.search;

import org.harbour.client.Needs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
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
 * Loads the programs that have a bookable bed, narrowed in SQL by region and type; the eligibility
 * rules themselves stay in {@link Matcher}.
 */
@Singleton
class CandidateQueries {

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    CandidateQueries(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Connectable
    List<Candidate> bookable(@Nullable String regionCode, Collection<String> types) {
        return bookable(regionCode, types, Needs.NONE);
    }

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
        StringBuilder sql = new StringBuilder("""
                SELECT STRAIGHT_JOIN p.id, p.facility_id, f.name AS facility_name, p.name AS program_name, p.type,
                       f.region_code, f.municipality, f.intake_phone, f.time_zone, f.intake_always_open,
                       f.intake_weekly, p.max_stay_days, a.available - a.held AS bookable, a.updated_at,
                       p.genders, p.min_age, p.max_age, p.accepts_children, p.accepts_pets, p.substance_use,
                       p.accepts_current_sex_trade, p.mandatory_activities, p.wheelchair_accessible,
                       p.trafficking_specialized, p.languages, p.culturally_specific
                  FROM availability a
                  JOIN programs p ON p.id = a.program_id
                  JOIN facilities f ON f.id = p.facility_id
                 WHERE a.has_bed = TRUE""");
        List<Object> params = new ArrayList<>();
        if (regionCode != null) {
            // f.region_code would give the same answer; a.region_code is what the index holds
            sql.append(" AND a.region_code = ?");
            params.add(regionCode);
        }
        if (!types.isEmpty()) {
            sql.append(" AND p.type IN (").append(String.join(",", types.stream().map(t -> "?").toList())).append(")");
            params.addAll(types);
        }
        needsFilters(needs, sql, params);
        return jdbc.prepareStatement(sql.toString(), statement -> {
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

    /** The SQL form of each rule of Matcher.reasonsRefused. */
    private static void needsFilters(Needs needs, StringBuilder sql, List<Object> params) {
        if (needs.gender() != null) {
            sql.append(" AND FIND_IN_SET(?, p.genders) > 0");
            params.add(needs.gender());
        }
        if (needs.age() != null) {
            sql.append(" AND (p.min_age IS NULL OR p.min_age <= ?) AND (p.max_age IS NULL OR p.max_age >= ?)");
            params.add(needs.age());
            params.add(needs.age());
        }
        if (needs.children() != null && needs.children() > 0) {
            sql.append(" AND p.accepts_children");
        }
        if (Boolean.TRUE.equals(needs.pets())) {
            sql.append(" AND p.accepts_pets");
        }
        if (Boolean.TRUE.equals(needs.substanceUse())) {
            sql.append(" AND p.substance_use <> 'SOBRIETY_REQUIRED'");
        }
        if (Boolean.TRUE.equals(needs.currentSexTrade())) {
            sql.append(" AND p.accepts_current_sex_trade");
        }
        if (Boolean.TRUE.equals(needs.wheelchair())) {
            sql.append(" AND p.wheelchair_accessible");
        }
        if (Boolean.TRUE.equals(needs.avoidMandatoryActivities())) {
            sql.append(" AND NOT p.mandatory_activities");
        }
        if (needs.language() != null) {
            sql.append(" AND FIND_IN_SET(?, p.languages) > 0");
            params.add(needs.language());
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
        return new Candidate(programId, facilityId, facilityName, programName, type, regionCode, municipality,
                intakePhone, timeZone, intakeHours, maxStayDays, bookable, updatedAt, eligibility);
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
