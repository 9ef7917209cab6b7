package org.harbour.availability;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.event.EventLog;
import org.harbour.platform.MultiStatements;
import org.harbour.problem.ProblemException;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The only writer of counts. Each change is a guarded conditional UPDATE (never read-modify-write),
 * a history row with the capacity in force, and an availability.changed event, in one transaction.
 */
@Singleton
public class AvailabilityLedger {

    public static final String CHANGED = "availability.changed";

    private final JdbcOperations jdbc;
    private final AvailabilityQueries queries;
    private final AvailabilityRows rows;
    private final EventLog events;
    private final Clock clock;
    private final ApplicationEventPublisher<BedsFreed> bedsFreed;
    /** Count changes made on this thread, to see whether a BedsFreed listener changed counts again. */
    private final ThreadLocal<int[]> nestedChanges = ThreadLocal.withInitial(() -> new int[1]);

    AvailabilityLedger(JdbcOperations jdbc, AvailabilityQueries queries, AvailabilityRows rows, EventLog events,
                       Clock clock, ApplicationEventPublisher<BedsFreed> bedsFreed) {
        this.rows = rows;
        this.bedsFreed = bedsFreed;
        this.jdbc = jdbc;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    /** Staff (or a feed) report what is free now. */
    @Transactional
    public AvailabilityView report(long programId, int available, Integer outOfService, Long expectedVersion,
                                   String by, String source) {
        ZoneId zone = zoneOf(programId);
        int changed = jdbc.prepareStatement("""
                UPDATE availability a JOIN programs p ON p.id = a.program_id
                   SET a.available = ?, a.out_of_service = COALESCE(?, a.out_of_service),
                       a.version = a.version + 1, a.updated_at = ?, a.updated_by = ?
                 WHERE a.program_id = ?
                   AND ? + COALESCE(?, a.out_of_service) <= p.capacity
                   AND (? IS NULL OR a.version = ?)
                """, statement -> {
            statement.setInt(1, available);
            statement.setObject(2, outOfService);
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.setString(4, by);
            statement.setLong(5, programId);
            statement.setInt(6, available);
            statement.setObject(7, outOfService);
            statement.setObject(8, expectedVersion);
            statement.setObject(9, expectedVersion);
            return statement.executeUpdate();
        });
        if (changed == 0) {
            throw whyNotChanged(programId, available, outOfService, expectedVersion);
        }
        AvailabilityView view = recordChange(programId, zone, by, source);
        return afterBedsFreed(view);
    }

    /**
     * Lets the waitlist offer freed beds; only when an offer held one (a nested count change on this
     * thread) are the counts read again, so a report nobody waits for costs no extra read.
     */
    private AvailabilityView afterBedsFreed(AvailabilityView view) {
        int[] changes = nestedChanges.get();
        int before = changes[0];
        bedsFreed.publishEvent(new BedsFreed(view.programId(), view.type(), view.regionCode()));
        return changes[0] == before ? view : queries.find(view.programId()).orElseThrow();
    }

    /** A new program starts with nothing bookable until its staff report counts. */
    @Transactional
    public AvailabilityView open(long programId, String by) {
        ZoneId zone = zoneOf(programId);
        // the facility's region is copied onto the counts for the bed-request index (V25)
        jdbc.prepareStatement("""
                INSERT INTO availability (program_id, available, held, out_of_service, version, updated_at, updated_by,
                                          region_code)
                SELECT p.id, 0, 0, 0, 0, ?, ?, f.region_code
                  FROM programs p JOIN facilities f ON f.id = p.facility_id
                 WHERE p.id = ?
                """, statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, by);
            statement.setLong(3, programId);
            return statement.executeUpdate();
        });
        return recordChange(programId, zone, by, "PROGRAM");
    }

    /** Capacity changed by an admin: counts stay, the new capacity is recorded and pushed (if live). */
    @Transactional
    public Optional<AvailabilityView> capacityChanged(long programId, String by) {
        ZoneId zone = zoneOf(programId);
        int changed = jdbc.prepareStatement("UPDATE availability SET version = version + 1, updated_at = ?, updated_by = ? WHERE program_id = ?",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(clock.instant()));
                    statement.setString(2, by);
                    statement.setLong(3, programId);
                    return statement.executeUpdate();
                });
        // imported programs have history but no live counts: nothing to record
        return changed == 0 ? Optional.empty() : Optional.of(recordChange(programId, zone, by, "PROGRAM"));
    }

    /**
     * A change made by a hold or a placement, guarded so it never overbooks: empty when the guard
     * fails (no bed left) or the program does not exist. Staff-reported freshness (updatedAt) is kept.
     */
    @Transactional
    public Optional<AvailabilityView> apply(long programId, CountChange change, String by) {
        ZoneId zone = zoneOf(programId);
        int changed = jdbc.prepareStatement("UPDATE availability a JOIN programs p ON p.id = a.program_id SET "
                + change.assignments + ", a.version = a.version + 1 WHERE a.program_id = ? AND " + change.guard,
                statement -> {
                    statement.setLong(1, programId);
                    return statement.executeUpdate();
                });
        if (changed == 0) {
            return Optional.empty();
        }
        nestedChanges.get()[0]++;
        AvailabilityView view = recordChange(programId, zone, by, change.name());
        return Optional.of(change.freesBed ? afterBedsFreed(view) : view);
    }

    /**
     * The facility's time zone, read before any count row is locked: each history row is stored with the
     * night it counts for (see {@link Nights}), so reports need not work out local times per row.
     */
    private ZoneId zoneOf(long programId) {
        String zone = jdbc.prepareStatement(
                "SELECT f.time_zone FROM programs p JOIN facilities f ON f.id = p.facility_id WHERE p.id = ?",
                statement -> {
                    statement.setLong(1, programId);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC; // reports count an unknown zone as UTC too
        }
    }

    /**
     * The history row and the view read go to the database together: the count row stays locked until
     * commit, so every round trip saved here shortens the queue of holds and updates on the same program.
     */
    private AvailabilityView recordChange(long programId, ZoneId zone, String by, String source) {
        Instant now = clock.instant();
        AvailabilityView view = jdbc.prepareStatement("""
                INSERT INTO availability_history
                       (program_id, capacity, available, held, out_of_service, occupied, version, changed_at, changed_by,
                        source, night)
                SELECT a.program_id, p.capacity, a.available, a.held, a.out_of_service,
                       GREATEST(0, p.capacity - a.available - a.out_of_service), a.version, ?, ?, ?, ?
                  FROM availability a JOIN programs p ON p.id = a.program_id
                 WHERE a.program_id = ?;
                """ + AvailabilityQueries.SELECT_ONE, statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setString(2, by);
            statement.setString(3, source);
            statement.setObject(4, Nights.of(now, zone));
            statement.setLong(5, programId);
            statement.setLong(6, programId);
            try (ResultSet rs = MultiStatements.execute(statement)) {
                rs.next();
                return rows.map(rs, now);
            }
        });
        events.append(CHANGED, programId, view.facilityId(), null, Map.of("availability", view));
        return view;
    }

    private ProblemException whyNotChanged(long programId, int available, Integer outOfService, Long expectedVersion) {
        AvailabilityView current = queries.find(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        long out = outOfService != null ? outOfService : current.outOfService();
        if (available + out > current.capacity()) {
            return ProblemException.invalid("available",
                    "available + outOfService must not exceed capacity " + current.capacity());
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            return ProblemException.conflict("The counts changed since version " + expectedVersion
                    + "; the current version is " + current.version());
        }
        return ProblemException.conflict("The counts changed meanwhile; try again");
    }
}
