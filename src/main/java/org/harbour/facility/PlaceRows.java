package org.harbour.facility;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.harbour.facility.ExternalPlace.Service;
import org.harbour.facility.ExternalPlace.Site;
import org.harbour.facility.ImportedPlaces.FacilityRow;
import org.harbour.facility.ImportedPlaces.ProgramRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The statements behind {@link ImportedPlaces}, in the caller's transaction. */
final class PlaceRows {

    private final JdbcOperations jdbc;

    PlaceRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, FacilityRow> facilities(String refPrefix) {
        return jdbc.prepareStatement("""
                SELECT id, name, organization_id, municipality, address, external_ref FROM facilities
                 WHERE external_ref LIKE ?""", select -> {
            select.setString(1, refPrefix + "%");
            Map<String, FacilityRow> found = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString("external_ref"), new FacilityRow(rs.getLong("id"), rs.getString("name"),
                            rs.getLong("organization_id"), rs.getString("municipality"), rs.getString("address")));
                }
            }
            return found;
        });
    }

    Map<String, ProgramRow> programs(String refPrefix) {
        return jdbc.prepareStatement("""
                SELECT id, facility_id, name, type, population, capacity_type, capacity, external_ref FROM programs
                 WHERE external_ref LIKE ?""", select -> {
            select.setString(1, refPrefix + "%");
            Map<String, ProgramRow> found = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString("external_ref"), new ProgramRow(rs.getLong("id"), rs.getLong("facility_id"),
                            rs.getString("name"), rs.getString("type"), rs.getString("population"),
                            rs.getString("capacity_type"), rs.getInt("capacity")));
                }
            }
            return found;
        });
    }

    /** Inserts the facility unless a concurrent import just did; answers its id either way. */
    long insertFacility(FacilityRow row, Site site, Instant now) {
        return jdbc.execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO facilities (name, organization_id, municipality, address, region_code, time_zone,
                                            confidential, intake_always_open, external_ref, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, FALSE, TRUE, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE id = id""")) {
                bindFacility(insert, row);
                insert.setString(5, site.regionCode());
                insert.setString(6, site.timeZone());
                insert.setString(7, site.externalRef());
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.executeUpdate();
            }
            return idOf(connection, "facilities", site.externalRef());
        });
    }

    /** Inserts the program with the eligibility its source implies, unless a concurrent import just did. */
    long insertProgram(ProgramRow row, Service service, Instant now) {
        Eligibility rules = service.rules();
        return jdbc.execute(connection -> {
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
                insert.setString(18, service.externalRef());
                insert.setTimestamp(19, Timestamp.from(now));
                insert.setTimestamp(20, Timestamp.from(now));
                insert.executeUpdate();
            }
            return idOf(connection, "programs", service.externalRef());
        });
    }

    void updateFacilities(List<FacilityRow> changed, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                UPDATE facilities SET name = ?, organization_id = ?, municipality = ?, address = ?, updated_at = ?
                 WHERE id = ?""", update -> {
            for (FacilityRow row : changed) {
                bindFacility(update, row);
                update.setTimestamp(5, Timestamp.from(now));
                update.setLong(6, row.id());
                update.addBatch();
            }
            return update.executeBatch();
        });
    }

    void updatePrograms(List<ProgramRow> changed, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                UPDATE programs SET facility_id = ?, name = ?, type = ?, population = ?, capacity_type = ?, capacity = ?,
                                    updated_at = ?
                 WHERE id = ?""", update -> {
            for (ProgramRow row : changed) {
                bindProgram(update, row);
                update.setTimestamp(7, Timestamp.from(now));
                update.setLong(8, row.id());
                update.addBatch();
            }
            return update.executeBatch();
        });
    }

    /** The capacity of each program's latest history row, in one query. */
    Map<Long, Integer> latestCapacities(List<Long> programIds) {
        Map<Long, Integer> capacities = new HashMap<>();
        if (programIds.isEmpty()) {
            return capacities;
        }
        String ids = programIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.prepareStatement("""
                SELECT program_id, capacity FROM (
                    SELECT program_id, capacity,
                           ROW_NUMBER() OVER (PARTITION BY program_id ORDER BY changed_at DESC, id DESC) AS n
                      FROM availability_history WHERE program_id IN (%s)) latest
                 WHERE n = 1""".formatted(ids), select -> {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    capacities.put(rs.getLong("program_id"), rs.getInt("capacity"));
                }
            }
            return capacities;
        });
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
