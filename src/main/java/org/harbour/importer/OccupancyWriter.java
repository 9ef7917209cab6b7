package org.harbour.importer;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.facility.Eligibility;
import org.harbour.importer.OccupancyNight.Location;
import org.harbour.importer.OccupancyNight.ProgramSpec;
import org.harbour.security.Organizations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes imported nights: facilities and programs upserted by external_ref, one availability_history row per
 * program and night upserted by import_key, in JDBC batches. No live availability row is created: imported
 * history is for funders' reports, not for the live board or search.
 */
@Singleton
class OccupancyWriter {

    static final String CHANGED_BY = "import:toronto-occupancy";
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    // Toronto counts a night as it stands at 04:00 the next morning; 23:00 is inside that night whatever the DST.
    static final LocalTime COUNTED_AT = LocalTime.of(23, 0);
    static final int BATCH = 1000;

    private static final String INSERT_FACILITY = """
            INSERT INTO facilities (name, organization_id, region_code, municipality, time_zone, address, confidential,
                                    intake_phone, intake_always_open, intake_weekly, external_ref, created_at, updated_at)
            VALUES (?, ?, 'ON-CENTRAL', ?, 'America/Toronto', ?, FALSE, NULL, TRUE, NULL, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
            """;
    // updated_at first: MySQL assigns left to right, so it compares with the old values.
    private static final String REFRESH_FACILITY = """
                updated_at = IF(name <=> VALUES(name) AND organization_id <=> VALUES(organization_id)
                                AND municipality <=> VALUES(municipality) AND address <=> VALUES(address),
                                updated_at, VALUES(updated_at)),
                name = VALUES(name), organization_id = VALUES(organization_id),
                municipality = VALUES(municipality), address = VALUES(address)
            """;

    // Eligibility is set on insert only: an ADMIN's refinement survives the next import.
    private static final String INSERT_PROGRAM = """
            INSERT INTO programs (facility_id, name, type, population, capacity_type, capacity, genders, min_age,
                                  max_age, accepts_children, accepts_pets, substance_use, accepts_current_sex_trade,
                                  mandatory_activities, wheelchair_accessible, trafficking_specialized, languages,
                                  external_ref, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
            """;
    private static final String REFRESH_PROGRAM = """
                updated_at = IF(facility_id <=> VALUES(facility_id) AND name <=> VALUES(name)
                                AND type <=> VALUES(type) AND population <=> VALUES(population)
                                AND capacity_type <=> VALUES(capacity_type), updated_at, VALUES(updated_at)),
                facility_id = VALUES(facility_id), name = VALUES(name), type = VALUES(type),
                population = VALUES(population), capacity_type = VALUES(capacity_type)
            """;
    // While rows stream in, an existing facility or program is only looked up: a location's rows may disagree
    // (one lists two organizations), and rewriting it row by row would change it on every import.
    private static final String KEEP = "id = id";

    // A later file may correct a night: its counts replace the old ones; the same file changes nothing.
    private static final String UPSERT_HISTORY = """
            INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied, version,
                                              changed_at, changed_by, source, import_key)
            VALUES (?, ?, ?, 0, ?, ?, 0, ?, '%s', 'IMPORT', ?)
            ON DUPLICATE KEY UPDATE capacity = VALUES(capacity), available = VALUES(available),
                out_of_service = VALUES(out_of_service), occupied = VALUES(occupied)
            """.formatted(CHANGED_BY);

    private final JdbcOperations jdbc;
    private final Organizations organizations;
    private final Clock clock;

    OccupancyWriter(JdbcOperations jdbc, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** What one import has written so far: ids by Toronto id, and each location's and program's latest row. */
    static final class Seen {
        private final Map<String, Long> organizationIds = new HashMap<>();
        private final Map<String, Long> facilityIds = new HashMap<>();
        private final Map<String, Long> programIds = new HashMap<>();
        private final Map<String, OccupancyNight> latestOfLocation = new HashMap<>();
        private final Map<String, OccupancyNight> latestOfProgram = new HashMap<>();

        void remember(OccupancyNight night) {
            latestOfLocation.merge(night.location().id(), night, Seen::later);
            latestOfProgram.merge(night.program().id(), night, Seen::later);
        }

        private static OccupancyNight later(OccupancyNight old, OccupancyNight next) {
            return next.night().isBefore(old.night()) ? old : next;
        }
    }

    @Transactional
    void write(List<OccupancyNight> nights, Seen seen) {
        Instant now = clock.instant();
        jdbc.execute(connection -> {
            try (PreparedStatement history = connection.prepareStatement(UPSERT_HISTORY)) {
                int batched = 0;
                for (OccupancyNight night : nights) {
                    seen.remember(night);
                    long programId = seen.programIds.containsKey(night.program().id())
                            ? seen.programIds.get(night.program().id())
                            : upsertProgram(connection, night, seen, now, false);
                    bindHistory(history, night, programId);
                    history.addBatch();
                    if (++batched == BATCH) {
                        history.executeBatch();
                        batched = 0;
                    }
                }
                if (batched > 0) {
                    history.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * After the last row: names and places as of each one's latest night in the file, and each program's
     * capacity as of its latest imported night in the database (so an older file imported later does not
     * turn it back).
     */
    @Transactional
    void finish(Seen seen) {
        Instant now = clock.instant();
        jdbc.execute(connection -> {
            for (OccupancyNight latest : seen.latestOfLocation.values()) {
                upsertFacility(connection, latest.location(), seen, now, true);
            }
            for (OccupancyNight latest : seen.latestOfProgram.values()) {
                upsertProgram(connection, latest, seen, now, true);
            }
            for (long programId : seen.programIds.values()) {
                updateCapacity(connection, programId, now);
            }
            return null;
        });
    }

    private static void bindHistory(PreparedStatement history, OccupancyNight night, long programId) throws SQLException {
        var counts = night.counts();
        history.setLong(1, programId);
        history.setInt(2, counts.capacity());
        history.setInt(3, counts.available());
        history.setInt(4, counts.outOfService());
        history.setInt(5, counts.occupied());
        history.setTimestamp(6, Timestamp.from(night.night().atTime(COUNTED_AT).atZone(TORONTO).toInstant()));
        history.setString(7, night.importKey());
    }

    private long upsertFacility(Connection connection, Location location, Seen seen, Instant now, boolean refresh)
            throws SQLException {
        long organizationId = seen.organizationIds.computeIfAbsent(location.organization(), organizations::idFor);
        try (PreparedStatement upsert = connection.prepareStatement(INSERT_FACILITY + (refresh ? REFRESH_FACILITY : KEEP))) {
            upsert.setString(1, location.name());
            upsert.setLong(2, organizationId);
            upsert.setString(3, location.municipality());
            upsert.setString(4, location.address());
            upsert.setString(5, location.externalRef());
            upsert.setTimestamp(6, Timestamp.from(now));
            upsert.setTimestamp(7, Timestamp.from(now));
            upsert.executeUpdate();
        }
        long id = idOf(connection, "facilities", location.externalRef());
        seen.facilityIds.put(location.id(), id);
        return id;
    }

    private long upsertProgram(Connection connection, OccupancyNight night, Seen seen, Instant now, boolean refresh)
            throws SQLException {
        Location location = night.location();
        long facilityId = seen.facilityIds.containsKey(location.id())
                ? seen.facilityIds.get(location.id()) : upsertFacility(connection, location, seen, now, false);
        ProgramSpec program = night.program();
        Eligibility rules = TorontoEligibility.of(program.population());
        try (PreparedStatement upsert = connection.prepareStatement(INSERT_PROGRAM + (refresh ? REFRESH_PROGRAM : KEEP))) {
            upsert.setLong(1, facilityId);
            upsert.setString(2, program.name());
            upsert.setString(3, program.type().name());
            upsert.setString(4, program.population().name());
            upsert.setString(5, program.capacityType().name());
            upsert.setInt(6, night.counts().capacity());
            upsert.setString(7, rules.genders().stream().map(Enum::name).collect(Collectors.joining(",")));
            setInteger(upsert, 8, rules.minAge());
            setInteger(upsert, 9, rules.maxAge());
            upsert.setBoolean(10, rules.acceptsChildren());
            upsert.setBoolean(11, rules.acceptsPets());
            upsert.setString(12, rules.substanceUse().name());
            upsert.setBoolean(13, rules.acceptsCurrentSexTrade());
            upsert.setBoolean(14, rules.mandatoryActivities());
            upsert.setBoolean(15, rules.wheelchairAccessible());
            upsert.setBoolean(16, rules.traffickingSpecialized());
            upsert.setString(17, String.join(",", rules.languages()));
            upsert.setString(18, program.externalRef());
            upsert.setTimestamp(19, Timestamp.from(now));
            upsert.setTimestamp(20, Timestamp.from(now));
            upsert.executeUpdate();
        }
        long id = idOf(connection, "programs", program.externalRef());
        seen.programIds.put(program.id(), id);
        return id;
    }

    private static void updateCapacity(Connection connection, long programId, Instant now) throws SQLException {
        int capacity;
        try (PreparedStatement latest = connection.prepareStatement("""
                SELECT capacity FROM availability_history WHERE program_id = ?
                 ORDER BY changed_at DESC, id DESC LIMIT 1""")) {
            latest.setLong(1, programId);
            try (ResultSet rs = latest.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                capacity = rs.getInt(1);
            }
        }
        // updated_at first: MySQL assigns left to right, so it still compares with the old capacity.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE programs SET updated_at = IF(capacity = ?, updated_at, ?), capacity = ? WHERE id = ?")) {
            update.setInt(1, capacity);
            update.setTimestamp(2, Timestamp.from(now));
            update.setInt(3, capacity);
            update.setLong(4, programId);
            update.executeUpdate();
        }
    }

    private static long idOf(Connection connection, String table, String externalRef) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                // a locking read sees a row another import committed after this transaction's snapshot
                "SELECT id FROM " + table + " WHERE external_ref = ? LOCK IN SHARE MODE")) {
            select.setString(1, externalRef);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
