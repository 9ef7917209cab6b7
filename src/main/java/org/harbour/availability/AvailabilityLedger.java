package org.harbour.availability;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.event.EventLog;
import org.harbour.platform.MultiStatements;
import org.harbour.problem.ProblemException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The counts as they now stand, with the capacity in force and the night they count for (see {@link Nights}). */
    private static final String HISTORY = """
            INSERT INTO availability_history
                   (program_id, capacity, available, held, out_of_service, occupied, version, changed_at, changed_by,
                    source, night)
            SELECT a.program_id, p.capacity, a.available, a.held, a.out_of_service,
                   GREATEST(0, p.capacity - a.available - a.out_of_service), a.version, ?, ?, ?, ?
              FROM availability a JOIN programs p ON p.id = a.program_id
             WHERE a.program_id = ?""";

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
        Instant now = clock.instant();
        Optional<AvailabilityView> view = changeAndRecord("""
                UPDATE availability a JOIN programs p ON p.id = a.program_id
                   SET a.available = ?, a.out_of_service = COALESCE(?, a.out_of_service),
                       a.version = a.version + 1, a.updated_at = ?, a.updated_by = ?
                 WHERE a.program_id = ?
                   AND ? + COALESCE(?, a.out_of_service) <= p.capacity
                   AND (? IS NULL OR a.version = ?)
                """, statement -> {
            statement.setInt(1, available);
            statement.setObject(2, outOfService);
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setString(4, by);
            statement.setLong(5, programId);
            statement.setInt(6, available);
            statement.setObject(7, outOfService);
            statement.setObject(8, expectedVersion);
            statement.setObject(9, expectedVersion);
            return 10;
        }, programId, now, by, source);
        if (view.isEmpty()) {
            throw whyNotChanged(programId, available, outOfService, expectedVersion);
        }
        return afterBedsFreed(view.get());
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
        Optional<AvailabilityView> view = changeAndRecord("UPDATE availability a JOIN programs p ON p.id = a.program_id SET "
                + change.assignments + ", a.version = a.version + 1 WHERE a.program_id = ? AND " + change.guard,
                statement -> {
                    statement.setLong(1, programId);
                    return 2;
                }, programId, clock.instant(), by, change.name());
        if (view.isEmpty()) {
            return Optional.empty();
        }
        nestedChanges.get()[0]++;
        return Optional.of(change.freesBed ? afterBedsFreed(view.get()) : view.get());
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

    /** Binds a guarded UPDATE's parameters; answers the index of the first parameter after them. */
    private interface UpdateBinder {
        int bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * The guarded UPDATE, its history row and the view read go to the database as one packet, so the count
     * row is locked for this round trip and the commit's only: every round trip saved here shortens the
     * queue of holds and updates on the same program. The history row is written only if the UPDATE
     * changed the row (ROW_COUNT() is the statement before's). Empty when the guard failed.
     */
    private Optional<AvailabilityView> changeAndRecord(String update, UpdateBinder binder, long programId, Instant now,
                                                       String by, String source) {
        // read before the count row is locked
        ZoneId zone = zoneOf(programId);
        AvailabilityView view = jdbc.prepareStatement(update + ";\n" + HISTORY + " AND ROW_COUNT() > 0;\n"
                + AvailabilityQueries.SELECT_ONE, statement -> {
            int next = binder.bind(statement);
            next = bindHistory(statement, next, programId, zone, now, by, source);
            statement.setLong(next, programId);
            statement.execute(); // the UPDATE's count comes first
            if (statement.getUpdateCount() == 0) {
                return null;
            }
            try (ResultSet rs = MultiStatements.queryAfter(statement)) {
                rs.next();
                return rows.map(rs, now);
            }
        });
        if (view == null) {
            return Optional.empty();
        }
        events.append(CHANGED, programId, view.facilityId(), null, Map.of("availability", view));
        return Optional.of(view);
    }

    /** A change that cannot fail (a new program, a new capacity): its history row and view read, together. */
    private AvailabilityView recordChange(long programId, ZoneId zone, String by, String source) {
        Instant now = clock.instant();
        AvailabilityView view = jdbc.prepareStatement(HISTORY + ";\n" + AvailabilityQueries.SELECT_ONE, statement -> {
            statement.setLong(bindHistory(statement, 1, programId, zone, now, by, source), programId);
            try (ResultSet rs = MultiStatements.execute(statement)) {
                rs.next();
                return rows.map(rs, now);
            }
        });
        events.append(CHANGED, programId, view.facilityId(), null, Map.of("availability", view));
        return view;
    }

    private static int bindHistory(PreparedStatement statement, int first, long programId, ZoneId zone, Instant now,
                                   String by, String source) throws SQLException {
        statement.setTimestamp(first, Timestamp.from(now));
        statement.setString(first + 1, by);
        statement.setString(first + 2, source);
        statement.setObject(first + 3, Nights.of(now, zone));
        statement.setLong(first + 4, programId);
        return first + 5;
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
