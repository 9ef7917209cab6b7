package org.harbour.search;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads the best programs that have a bookable bed, narrowed and ranked in SQL, and the near misses; the
 * eligibility rules themselves stay in {@link Matcher} (the SQL here pre-selects and orders with the same rules).
 */
@Singleton
class CandidateQueries {

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final FacilityZones zones;
    /**
     * A facility's weekly intake hours by their stored JSON, read for every match shown: parsing them again for
     * each of up to 50 matches of every request was 3 % of its Java samples in a profile (issue 20). An edit
     * stores new text, so a changed schedule is a new key; the old one ages out.
     */
    private final LoadingCache<String, IntakeHours> intakeHoursByText;

    CandidateQueries(JdbcOperations jdbc, JsonMapper json, FacilityZones zones) {
        this.jdbc = jdbc;
        this.json = json;
        this.zones = zones;
        this.intakeHoursByText = Caffeine.newBuilder().maximumSize(20_000).build(this::parsedIntakeHours);
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
     * The ranked matches and the near misses in two round trips. The first reads the programs with a bed to book
     * once, as narrow rows (id, how many stated needs each fails, and the ranking's keys), beside the first few
     * full programs that fail nothing else or one thing; Java ranks the rows and counts the matches. The second
     * reads the columns of the rows the answer shows, by primary key. {@link Matcher} still decides; these queries
     * only pre-select with the same rules.
     */
    @Connectable
    Found search(@Nullable String regionCode, Collection<String> types, Needs needs, boolean admitNow,
                 Instant now, Instant staleBefore, int max, int nearMissesRead) {
        for (int attempt = 0; ; attempt++) {
            String zones = this.zones.secondsOfWeekJson(now);
            List<Object> params = new ArrayList<>();
            String sql = withBed(regionCode, types, needs, zones, staleBefore, params) + ";\n"
                    + fullNearMisses(regionCode, types, needs, admitNow, zones, nearMissesRead, params);
            Scan scan = jdbc.prepareStatement(sql, statement -> {
                bind(statement, params);
                statement.execute();
                List<Row> withBed = new ArrayList<>();
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        if (rs.getBoolean(3)) {
                            return null; // a zone the parameter lacks: its open-now is unknown
                        }
                        boolean openNow = rs.getBoolean(4);
                        int misses = rs.getInt(2) + (admitNow && !openNow ? 1 : 0);
                        if (misses <= 2) {
                            withBed.add(new Row(rs.getLong(1), misses, openNow, rs.getBoolean(5), rs.getInt(6),
                                    rs.getInt(7)));
                        }
                    }
                }
                statement.getMoreResults();
                List<Long> full = new ArrayList<>();
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        full.add(rs.getLong(1));
                    }
                }
                return new Scan(withBed, full);
            });
            if (scan != null) {
                return found(scan, max, nearMissesRead);
            }
            if (attempt > 0) {
                return new Found(List.of(), 0, List.of());
            }
            // a facility in a zone not yet known (added since the zones were read): read them again, ask again
            this.zones.refresh();
        }
    }

    /**
     * One program with a bed: the stated needs and intake-now it fails ({@code misses}), and its ranking keys. The
     * database counts and scores; ordering a region's few hundred narrow rows here beats asking it to sort twice
     * (a window function for the total and a second scan for the near misses cost it 2.5 times this scan, issue 20).
     */
    private record Row(long id, int misses, boolean openNow, boolean stale, int bookable, int preference) {
        /** {@link Matcher#ranking}'s order: preferences met, intake open now, fresh, most bookable, then the id. */
        static final Comparator<Row> RANKING = Comparator.comparingInt(Row::preference).reversed()
                .thenComparing(Row::openNow, Comparator.reverseOrder())
                .thenComparing(Row::stale)
                .thenComparing(Row::bookable, Comparator.reverseOrder())
                .thenComparingLong(Row::id);
        /** Fewest failures first, then as the ranking. */
        static final Comparator<Row> NEAREST = Comparator.comparingInt(Row::misses).thenComparing(RANKING);
    }

    /** The first round trip's rows: the programs with a bed failing at most two things, the chosen full ones. */
    private record Scan(List<Row> withBed, List<Long> fullNearMisses) {
    }

    private Found found(Scan scan, int max, int nearMissesRead) {
        List<Row> matches = scan.withBed().stream().filter(r -> r.misses() == 0).sorted(Row.RANKING).toList();
        List<Long> best = matches.stream().limit(max).map(Row::id).toList();
        // near misses: the bookable ones failing one or two things first, then full ones (NO_BED is one more)
        List<Long> near = new ArrayList<>(scan.withBed().stream().filter(r -> r.misses() > 0).sorted(Row.NEAREST)
                .limit(nearMissesRead).map(Row::id).toList());
        near.addAll(scan.fullNearMisses());
        Map<Long, Candidate> columns = columns(best, near);
        // a bed taken between the two round trips: that program no longer matches (API.md: bookable > 0)
        List<Candidate> stillBookable = pick(best, columns).stream().filter(c -> c.bookable() > 0).toList();
        return new Found(stillBookable, matches.size() - (best.size() - stillBookable.size()), pick(near, columns));
    }

    private static List<Candidate> pick(List<Long> programIds, Map<Long, Candidate> columns) {
        // a program deleted between the two round trips is left out
        return programIds.stream().map(columns::get).filter(Objects::nonNull).toList();
    }

    /** The columns of these programs, by id, in one query. */
    private Map<Long, Candidate> columns(List<Long> best, List<Long> near) {
        Set<Long> ids = new LinkedHashSet<>(best);
        ids.addAll(near);
        if (ids.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT " + COLUMNS + """

                  FROM programs p
                  JOIN facilities f ON f.id = p.facility_id
                  JOIN availability a ON a.program_id = p.id
                 WHERE p.id IN (""" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        return jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            for (long id : ids) {
                statement.setLong(i++, id);
            }
            Map<Long, Candidate> read = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Candidate c = map(rs);
                    read.put(c.programId(), c);
                }
            }
            return read;
        });
    }

    /**
     * The programs with a bed to book, from the counts' (has_bed, region_code) index (V25): a region's few hundred
     * instead of all its programs. The join order is fixed because, given a type, the optimizer would otherwise walk
     * every program of that type in the country (ix_programs_type) and check each one's counts. Columns: id, stated
     * needs failed, zone unknown, open now, stale, bookable, preference score; only rows failing at most two needs.
     */
    private static String withBed(@Nullable String regionCode, Collection<String> types, Needs needs, String zones,
                                  Instant staleBefore, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT STRAIGHT_JOIN p.id, ")
                .append(failedNeeds(EligibilitySql.rules(needs), params)).append(" AS misses, ")
                .append(EligibilitySql.ZONE_UNKNOWN).append(" AS zone_unknown, ")
                .append(EligibilitySql.OPEN_NOW).append(" AS open_now, a.updated_at < ?, ")
                .append("GREATEST(a.available - a.held, 0), ");
        params.add(zones);
        params.add(zones);
        params.add(Timestamp.from(staleBefore));
        sql.append(EligibilitySql.preferenceScore(needs, params)).append("""

                  FROM availability a
                  JOIN programs p ON p.id = a.program_id
                  JOIN facilities f ON f.id = p.facility_id
                 WHERE a.has_bed = TRUE""");
        where(regionCode, types, sql, params);
        return sql.append(" HAVING misses <= 2 OR zone_unknown").toString();
    }

    /** How many of the stated needs the program fails, as an SQL sum (its parameters added to {@code params}). */
    private static String failedNeeds(List<EligibilitySql.Rule> rules, List<Object> params) {
        StringBuilder misses = new StringBuilder("(0");
        for (EligibilitySql.Rule rule : rules) {
            misses.append(" + (").append(rule.fails()).append(')');
            params.addAll(rule.params());
        }
        return misses.append(')').toString();
    }

    /**
     * The full programs (no bed to book) of the region and types that fail nothing else, then those that fail one
     * more condition (a stated need, or intake closed with {@code admitNow}): at most {@code max} of each. The full
     * ones are most of a region, so each part takes the first {@code max} in index order and stops there instead
     * of reading them all. {@link Matcher} still names the reasons; these counts only pre-select.
     */
    private static String fullNearMisses(@Nullable String regionCode, Collection<String> types, Needs needs,
                                         boolean admitNow, String zones, int max, List<Object> params) {
        List<EligibilitySql.Rule> rules = EligibilitySql.rules(needs);
        boolean anyCondition = !rules.isEmpty() || admitNow;
        List<String> parts = new ArrayList<>();
        for (int failed = 0; failed <= (anyCondition ? 1 : 0); failed++) {
            StringBuilder part = new StringBuilder("(SELECT STRAIGHT_JOIN a.program_id FROM availability a")
                    .append(" JOIN programs p ON p.id = a.program_id JOIN facilities f ON f.id = p.facility_id")
                    .append(" WHERE a.has_bed = FALSE");
            where(regionCode, types, part, params);
            part.append(" AND ").append(failedNeeds(rules, params));
            if (admitNow) {
                part.append(" + (NOT ").append(EligibilitySql.OPEN_NOW).append(')');
                params.add(zones);
            }
            part.append(" = ").append(failed).append(" LIMIT ?)");
            params.add(max);
            parts.add(part.toString());
        }
        return String.join("\n UNION ALL ", parts);
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
        return intakeHoursByText.get(weekly);
    }

    private IntakeHours parsedIntakeHours(String weekly) {
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
