package org.harbour.availability;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The availability feature's read API: counts as they stand, joined with their program and facility in one
 * query (no N+1). Other features read counts here; only the ledger changes them.
 */
@Singleton
@Transactional(readOnly = true)
public class Counts {

    /** The view's columns, in the order AvailabilityRows reads them (by position). */
    private static final String COLUMNS = """
            SELECT a.program_id, p.facility_id, f.name AS facility_name, p.name AS program_name, f.region_code,
                   f.municipality, p.type, p.population, p.capacity_type, p.capacity, a.available, a.held,
                   a.out_of_service, a.updated_at, a.updated_by, a.version,
                   (SELECT COUNT(*) FROM bed_request_outcomes o WHERE o.program_id = a.program_id)
                   + (SELECT COUNT(*) FROM holds h WHERE h.program_id = a.program_id AND h.door_outcome IS NOT NULL)
                     AS outcomes,
                   (SELECT COUNT(*) FROM bed_request_outcomes o
                     WHERE o.program_id = a.program_id AND o.outcome = 'REFUSED_AT_DOOR')
                   + (SELECT COUNT(*) FROM holds h WHERE h.program_id = a.program_id
                         AND h.door_outcome = 'REFUSED_AT_DOOR') AS refused""";

    private static final String FROM = """

              FROM availability a
              JOIN programs p ON p.id = a.program_id
              JOIN facilities f ON f.id = p.facility_id
            """;

    private static final String SELECT = COLUMNS + FROM;

    /** One program's view; after a change the ledger sends it in the change's own round trip. */
    static final String SELECT_ONE = SELECT + " WHERE a.program_id = ?";

    /** {@link #SELECT_ONE} with one more column after the view's, which keep their positions. */
    static String selectOneWith(String column) {
        return COLUMNS + ", " + column + FROM + " WHERE a.program_id = ?";
    }

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final AvailabilityRows rows;

    Counts(JdbcOperations jdbc, Clock clock, AvailabilityRows rows) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rows = rows;
    }

    public Optional<AvailabilityView> find(long programId) {
        return jdbc.prepareStatement(SELECT_ONE, statement -> {
            statement.setLong(1, programId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rows.map(rs, clock.instant())) : Optional.empty();
            }
        });
    }

    /** Every program's counts; availability is not personal data, so every role may read it. */
    public List<AvailabilityView> findAll() {
        return jdbc.prepareStatement(SELECT + " ORDER BY f.region_code, p.type, f.name, p.id", statement -> {
            Instant now = clock.instant();
            List<AvailabilityView> views = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    views.add(rows.map(rs, now));
                }
            }
            return views;
        });
    }

    /** The programs of this type in this region that have a bookable bed now (the bookable index, V25). */
    public List<Long> bookableIn(String regionCode, String type) {
        return jdbc.prepareStatement("""
                SELECT a.program_id FROM availability a JOIN programs p ON p.id = a.program_id
                 WHERE a.has_bed AND a.region_code = ? AND p.type = ? ORDER BY a.program_id""", statement -> {
            statement.setString(1, regionCode);
            statement.setString(2, type);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Arithmetic only: no transaction of its own (a search calls it per match outside any transaction). */
    @Transactional(propagation = TransactionDefinition.Propagation.SUPPORTS)
    public boolean isStale(Instant updatedAt, Instant now) {
        return rows.isStale(updatedAt, now);
    }
}
