package org.harbour.search;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.harbour.facility.Eligibility;
import org.harbour.facility.IntakeHours;
import org.harbour.facility.SubstancePolicy;
import org.harbour.platform.MultiStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every program's unchanging part for a bed request (who it admits, its facility, its intake hours), held in memory
 * so that a request reads only the counts from the database (issue 20). Never older than the request that uses it:
 * the database's {@code directory_version} (V31) moves with every write of programs or facilities, by any writer on
 * any instance, each request reads it in the same round trip as the counts, and {@link #at} loads the programs again
 * when it is not the version they were loaded at.
 */
@Singleton
class ProgramProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramProfiles.class);

    /** What a request reads when the version row is missing; the row's own versions are never negative. */
    static final long NO_VERSION = -1;

    /** The statement that reads the version, for a request to send ahead of its counts. */
    static final String VERSION = "SELECT version FROM directory_version WHERE id = 1";

    /** Runs a packet that starts with {@link #VERSION} and reads the version from its first result. */
    static long readVersion(PreparedStatement packet) throws SQLException {
        packet.execute();
        try (ResultSet rs = packet.getResultSet()) {
            return rs.next() ? rs.getLong(1) : NO_VERSION;
        }
    }

    /** A facility's part, shared by its programs. A confidential facility's address never leaves the database. */
    record Facility(long id, String name, String regionCode, String municipality, @Nullable String intakePhone,
                    @Nullable String address, ZoneId timeZone, IntakeHours intakeHours) {
    }

    /** One program as a bed request weighs it, without its counts. */
    record Profile(long programId, String programName, String type, @Nullable Integer maxStayDays,
                   Eligibility eligibility, Facility facility) {
    }

    /**
     * The programs as of one version: by id, and by region in the order the near misses are taken (region, then
     * id, as the counts' (has_bed, region_code) index used to hand them over).
     */
    record Snapshot(long version, Map<Long, Profile> byId, Map<String, List<Profile>> byRegion, List<Profile> all) {

        List<Profile> inRegion(@Nullable String regionCode) {
            return regionCode == null ? all : byRegion.getOrDefault(regionCode, List.of());
        }
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    /** Weekly hours by their stored JSON: most facilities share a few schedules, and a reload parses each once. */
    private final LoadingCache<String, IntakeHours> intakeHoursByText;
    private volatile Snapshot current = new Snapshot(Long.MIN_VALUE, Map.of(), Map.of(), List.of());

    ProgramProfiles(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.intakeHoursByText = Caffeine.newBuilder().maximumSize(20_000).build(this::parsedIntakeHours);
    }

    /**
     * The programs as of {@code version} or later: the ones held when that is their version, else all of them read
     * again (one request at a time reads; the others wait for its answer rather than read the same again).
     */
    @Connectable
    Snapshot at(long version) {
        Snapshot held = current;
        if (held.version() == version) {
            return held;
        }
        synchronized (this) {
            held = current;
            if (held.version() == version) {
                return held;
            }
            long started = System.nanoTime();
            Snapshot read = load();
            current = read;
            LOG.debug("Read {} programs for bed requests (directory version {}) in {} ms", read.all().size(),
                    read.version(), (System.nanoTime() - started) / 1_000_000);
            return read;
        }
    }

    /**
     * The version first, then the programs, each statement seeing the latest commits: never newer than they are.
     * Sorted here, not in SQL: with the hours' JSON in its rows, MariaDB sorts on disk.
     */
    private Snapshot load() {
        String sql = VERSION + ";\n" + """
                SELECT p.id, p.name, p.type, p.max_stay_days, p.genders, p.min_age, p.max_age, p.accepts_children,
                       p.accepts_pets, p.substance_use, p.accepts_current_sex_trade, p.mandatory_activities,
                       p.wheelchair_accessible, p.trafficking_specialized, p.languages, p.culturally_specific,
                       f.id, f.name, f.region_code, f.municipality, f.intake_phone,
                       IF(f.confidential, NULL, f.address), f.time_zone, f.intake_always_open, f.intake_weekly
                  FROM programs p
                  JOIN facilities f ON f.id = p.facility_id""";
        return jdbc.prepareStatement(sql, statement -> {
            long version = readVersion(statement);
            Map<Long, Facility> facilities = new HashMap<>();
            List<Profile> all = new ArrayList<>();
            try (ResultSet rs = MultiStatements.queryAfter(statement)) {
                while (rs.next()) {
                    Facility facility = facilities.get(rs.getLong(17));
                    if (facility == null) {
                        facility = facility(rs);
                        facilities.put(facility.id(), facility);
                    }
                    all.add(profile(rs, facility));
                }
            }
            all.sort(Comparator.comparing((Profile p) -> p.facility().regionCode()).thenComparingLong(Profile::programId));
            Map<Long, Profile> byId = new HashMap<>(all.size() * 2);
            Map<String, List<Profile>> byRegion = new HashMap<>();
            for (Profile profile : all) {
                byId.put(profile.programId(), profile);
                byRegion.computeIfAbsent(profile.facility().regionCode(), r -> new ArrayList<>()).add(profile);
            }
            byRegion.replaceAll((region, profiles) -> List.copyOf(profiles));
            return new Snapshot(version, Map.copyOf(byId), Map.copyOf(byRegion), List.copyOf(all));
        });
    }

    /** Reads columns 1-16 by position, in the SELECT's order. */
    private static Profile profile(ResultSet rs, Facility facility) throws SQLException {
        Eligibility eligibility = Eligibility.stored(rs.getString(5), rs.getObject(6, Integer.class),
                rs.getObject(7, Integer.class), rs.getBoolean(8), rs.getBoolean(9),
                SubstancePolicy.valueOf(rs.getString(10)), rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13),
                rs.getBoolean(14), rs.getString(15), rs.getString(16));
        return new Profile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Integer.class),
                eligibility, facility);
    }

    /** Reads columns 17-25 by position. */
    private Facility facility(ResultSet rs) throws SQLException {
        return new Facility(rs.getLong(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
                rs.getString(22), zone(rs.getString(23)), intakeHours(rs.getBoolean(24), rs.getString(25)));
    }

    /** As elsewhere (count history, reports): a zone Java does not know counts as UTC. */
    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    private IntakeHours intakeHours(boolean alwaysOpen, @Nullable String weekly) {
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
}
