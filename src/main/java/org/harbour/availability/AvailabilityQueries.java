package org.harbour.availability;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.annotation.Value;

/** Reads availability joined with its program and facility in one query (no N+1). */
@Singleton
@Transactional(readOnly = true)
public class AvailabilityQueries {

    private static final String SELECT = """
            SELECT a.program_id, p.facility_id, f.name AS facility_name, p.name AS program_name, f.region_code,
                   f.municipality, p.type, p.population, p.capacity_type, p.capacity, a.available, a.held,
                   a.out_of_service, a.updated_at, a.updated_by, a.version,
                   (SELECT COUNT(*) FROM bed_request_outcomes o WHERE o.program_id = a.program_id) AS outcomes,
                   (SELECT COUNT(*) FROM bed_request_outcomes o
                     WHERE o.program_id = a.program_id AND o.outcome = 'REFUSED_AT_DOOR') AS refused
              FROM availability a
              JOIN programs p ON p.id = a.program_id
              JOIN facilities f ON f.id = p.facility_id
            """;

    /** One program's view; after a change the ledger sends it in the change's own round trip. */
    static final String SELECT_ONE = SELECT + " WHERE a.program_id = ?";

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Duration staleAfter;

    AvailabilityQueries(JdbcOperations jdbc, Clock clock, @Value("${harbour.stale-after:PT4H}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public Optional<AvailabilityView> find(long programId) {
        return jdbc.prepareStatement(SELECT_ONE, statement -> {
            statement.setLong(1, programId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs, clock.instant())) : Optional.empty();
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
                    views.add(map(rs, now));
                }
            }
            return views;
        });
    }

    /** Arithmetic only: no transaction of its own (a search calls it per match outside any transaction). */
    @Transactional(propagation = TransactionDefinition.Propagation.SUPPORTS)
    public boolean isStale(Instant updatedAt, Instant now) {
        return updatedAt.isBefore(now.minus(staleAfter));
    }

    AvailabilityView map(ResultSet rs, Instant now) throws SQLException {
        int capacity = rs.getInt("capacity");
        int available = rs.getInt("available");
        int held = rs.getInt("held");
        int outOfService = rs.getInt("out_of_service");
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        return new AvailabilityView(rs.getLong("program_id"), rs.getLong("facility_id"),
                rs.getString("facility_name"), rs.getString("program_name"), rs.getString("region_code"),
                rs.getString("municipality"), rs.getString("type"), rs.getString("population"),
                rs.getString("capacity_type"), capacity, available, held, Math.max(0, available - held),
                outOfService, Math.max(0, capacity - available - outOfService), updatedAt,
                rs.getString("updated_by"), rs.getLong("version"), isStale(updatedAt, now),
                refusalRate(rs.getInt("outcomes"), rs.getInt("refused")), rs.getInt("outcomes"));
    }

    /** Share of recorded door outcomes that were refusals; unknown until something was recorded. */
    private static Double refusalRate(int outcomes, int refused) {
        return outcomes == 0 ? null : Math.round(10_000.0 * refused / outcomes) / 10_000.0;
    }
}
