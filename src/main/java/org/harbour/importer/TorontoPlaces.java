package org.harbour.importer;

import io.micronaut.core.annotation.Nullable;
import org.harbour.facility.Eligibility;
import org.harbour.importer.OccupancyNight.Location;
import org.harbour.security.Organizations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The facilities and programs of one import, by external_ref. Existing ones are read once at the start, new ones
 * inserted when first met, and at the end each is brought to its latest night in the file with batched updates of
 * only what changed, so importing the same file again writes nothing. Not thread-safe: one per import.
 */
final class TorontoPlaces {

    record FacilityRow(long id, String name, long organizationId, String municipality, @Nullable String address) {
    }

    record ProgramRow(long id, long facilityId, String name, String type, String population, String capacityType,
                      int capacity) {
    }

    private final Organizations organizations;
    private final Map<String, Long> organizationIds = new HashMap<>();
    private final Map<String, FacilityRow> facilities = new HashMap<>();
    private final Map<String, ProgramRow> programs = new HashMap<>();
    private final Map<String, OccupancyNight> latestOfLocation = new HashMap<>();
    private final Map<String, OccupancyNight> latestOfProgram = new HashMap<>();
    private boolean loaded;

    TorontoPlaces(Organizations organizations) {
        this.organizations = organizations;
    }

    /** The program's id; the program (and its facility) is created the first time any import meets it. */
    long programId(Connection connection, OccupancyNight night, Instant now) throws SQLException {
        if (!loaded) {
            load(connection);
        }
        latestOfLocation.merge(night.location().id(), night, TorontoPlaces::later);
        latestOfProgram.merge(night.program().id(), night, TorontoPlaces::later);
        if (!facilities.containsKey(night.location().externalRef())) {
            insertFacility(connection, night.location(), now);
        }
        ProgramRow program = programs.get(night.program().externalRef());
        return program != null ? program.id() : insertProgram(connection, night, now).id();
    }

    /**
     * After the last row: names and places as of each one's latest night in the file, and each program's capacity
     * as of its latest night in the database (so an older file imported later does not turn it back).
     */
    void refresh(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE facilities SET name = ?, organization_id = ?, municipality = ?, address = ?, updated_at = ?
                 WHERE id = ?""")) {
            for (OccupancyNight latest : latestOfLocation.values()) {
                FacilityRow current = facilities.get(latest.location().externalRef());
                FacilityRow wanted = facilityRow(current.id(), latest.location());
                if (!wanted.equals(current)) {
                    bindFacility(update, wanted);
                    update.setTimestamp(5, Timestamp.from(now));
                    update.setLong(6, wanted.id());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        Map<Long, Integer> capacities = latestCapacities(connection);
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE programs SET facility_id = ?, name = ?, type = ?, population = ?, capacity_type = ?, capacity = ?,
                                    updated_at = ?
                 WHERE id = ?""")) {
            for (OccupancyNight latest : latestOfProgram.values()) {
                ProgramRow current = programs.get(latest.program().externalRef());
                ProgramRow wanted = programRow(current.id(), latest, capacities.getOrDefault(current.id(), current.capacity()));
                if (!wanted.equals(current)) {
                    bindProgram(update, wanted);
                    update.setTimestamp(7, Timestamp.from(now));
                    update.setLong(8, wanted.id());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private void load(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name FROM organizations");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                organizationIds.put(rs.getString("name"), rs.getLong("id"));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, name, organization_id, municipality, address, external_ref FROM facilities
                 WHERE external_ref LIKE 'toronto-location:%'"""); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                facilities.put(rs.getString("external_ref"), new FacilityRow(rs.getLong("id"), rs.getString("name"),
                        rs.getLong("organization_id"), rs.getString("municipality"), rs.getString("address")));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, facility_id, name, type, population, capacity_type, capacity, external_ref FROM programs
                 WHERE external_ref LIKE 'toronto-program:%'"""); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                programs.put(rs.getString("external_ref"), new ProgramRow(rs.getLong("id"), rs.getLong("facility_id"),
                        rs.getString("name"), rs.getString("type"), rs.getString("population"),
                        rs.getString("capacity_type"), rs.getInt("capacity")));
            }
        }
        loaded = true;
    }

    private FacilityRow insertFacility(Connection connection, Location location, Instant now) throws SQLException {
        FacilityRow row = facilityRow(0, location);
        // A concurrent import may have inserted it meanwhile: then it is only looked up.
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO facilities (name, organization_id, municipality, address, region_code, time_zone,
                                        confidential, intake_always_open, external_ref, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'ON-CENTRAL', 'America/Toronto', FALSE, TRUE, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = id""")) {
            bindFacility(insert, row);
            insert.setString(5, location.externalRef());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
        }
        FacilityRow inserted = facilityRow(idOf(connection, "facilities", location.externalRef()), location);
        facilities.put(location.externalRef(), inserted);
        return inserted;
    }

    /** Eligibility is set here only: an ADMIN's refinement (PUT /api/programs/{id}) survives the next import. */
    private ProgramRow insertProgram(Connection connection, OccupancyNight night, Instant now) throws SQLException {
        long facilityId = facilities.get(night.location().externalRef()).id();
        ProgramRow row = programRow(0, facilityId, night, night.counts().capacity());
        Eligibility rules = TorontoEligibility.of(night.program().population());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO programs (facility_id, name, type, population, capacity_type, capacity, genders, min_age,
                                      max_age, accepts_children, accepts_pets, substance_use, accepts_current_sex_trade,
                                      mandatory_activities, wheelchair_accessible, trafficking_specialized, languages,
                                      external_ref, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = id""")) {
            bindProgram(insert, row);
            insert.setString(7, rules.genders().stream().map(Enum::name).collect(Collectors.joining(",")));
            setInteger(insert, 8, rules.minAge());
            setInteger(insert, 9, rules.maxAge());
            insert.setBoolean(10, rules.acceptsChildren());
            insert.setBoolean(11, rules.acceptsPets());
            insert.setString(12, rules.substanceUse().name());
            insert.setBoolean(13, rules.acceptsCurrentSexTrade());
            insert.setBoolean(14, rules.mandatoryActivities());
            insert.setBoolean(15, rules.wheelchairAccessible());
            insert.setBoolean(16, rules.traffickingSpecialized());
            insert.setString(17, String.join(",", rules.languages()));
            insert.setString(18, night.program().externalRef());
            insert.setTimestamp(19, Timestamp.from(now));
            insert.setTimestamp(20, Timestamp.from(now));
            insert.executeUpdate();
        }
        ProgramRow inserted = programRow(idOf(connection, "programs", night.program().externalRef()), facilityId, night,
                night.counts().capacity());
        programs.put(night.program().externalRef(), inserted);
        return inserted;
    }

    /** The capacity of each program's latest history row, in one query. */
    private Map<Long, Integer> latestCapacities(Connection connection) throws SQLException {
        Map<Long, Integer> capacities = new HashMap<>();
        if (latestOfProgram.isEmpty()) {
            return capacities;
        }
        String ids = latestOfProgram.values().stream()
                .map(n -> String.valueOf(programs.get(n.program().externalRef()).id()))
                .collect(Collectors.joining(","));
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT program_id, capacity FROM (
                    SELECT program_id, capacity,
                           ROW_NUMBER() OVER (PARTITION BY program_id ORDER BY changed_at DESC, id DESC) AS n
                      FROM availability_history WHERE program_id IN (%s)) latest
                 WHERE n = 1""".formatted(ids)); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                capacities.put(rs.getLong("program_id"), rs.getInt("capacity"));
            }
        }
        return capacities;
    }

    private FacilityRow facilityRow(long id, Location location) {
        Long organizationId = organizationIds.get(location.organization());
        if (organizationId == null) {
            organizationId = organizations.idFor(location.organization());
            organizationIds.put(location.organization(), organizationId);
        }
        return new FacilityRow(id, location.name(), organizationId, location.municipality(), location.address());
    }

    private ProgramRow programRow(long id, OccupancyNight latest, int capacity) {
        return programRow(id, facilities.get(latest.location().externalRef()).id(), latest, capacity);
    }

    private static ProgramRow programRow(long id, long facilityId, OccupancyNight night, int capacity) {
        var program = night.program();
        return new ProgramRow(id, facilityId, program.name(), program.type().name(), program.population().name(),
                program.capacityType().name(), capacity);
    }

    private static void bindFacility(PreparedStatement statement, FacilityRow row) throws SQLException {
        statement.setString(1, row.name());
        statement.setLong(2, row.organizationId());
        statement.setString(3, row.municipality());
        statement.setString(4, row.address());
    }

    private static void bindProgram(PreparedStatement statement, ProgramRow row) throws SQLException {
        statement.setLong(1, row.facilityId());
        statement.setString(2, row.name());
        statement.setString(3, row.type());
        statement.setString(4, row.population());
        statement.setString(5, row.capacityType());
        statement.setInt(6, row.capacity());
    }

    private static OccupancyNight later(OccupancyNight old, OccupancyNight next) {
        return next.night().isBefore(old.night()) ? old : next;
    }

    private static long idOf(Connection connection, String table, String externalRef) throws SQLException {
        // a locking read sees a row another import committed after this transaction's snapshot
        try (PreparedStatement select = connection.prepareStatement(
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
