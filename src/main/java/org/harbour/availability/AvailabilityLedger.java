package org.harbour.availability;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.ProblemException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The only writer of counts. Each change is a guarded conditional UPDATE (never read-modify-write), a history
 * row with the capacity in force, and an availability.changed event, in one transaction. A change that made
 * more beds bookable publishes {@link BedsFreed} and is done: whoever listens acts on its own.
 */
@Singleton
public class AvailabilityLedger {

    private final JdbcOperations jdbc;
    private final Counts queries;
    private final CountWrites writes;
    private final EventLog events;
    private final Clock clock;
    private final ApplicationEventPublisher<BedsFreed> bedsFreed;

    AvailabilityLedger(JdbcOperations jdbc, Counts queries, CountWrites writes, EventLog events,
                       Clock clock, ApplicationEventPublisher<BedsFreed> bedsFreed) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.writes = writes;
        this.events = events;
        this.clock = clock;
        this.bedsFreed = bedsFreed;
    }

    /**
     * The program a change is for (facility and zone, one read); empty when there is no such program. In the
     * caller's transaction when there is one, else in autocommit (a hold reads it before its transaction).
     */
    @Connectable
    public Optional<CountedProgram> counted(long programId) {
        return writes.counted(programId);
    }

    /** Staff (or a feed) report what is free now. */
    @Transactional
    public AvailabilityView report(CountedProgram program, int available, Integer outOfService, Long expectedVersion,
                                   String by, String source) {
        Instant now = clock.instant();
        Optional<CountWrites.Changed> changed = writes.change("""
                UPDATE availability a JOIN programs p ON p.id = a.program_id
                   SET a.available = ?, a.out_of_service = COALESCE(?, a.out_of_service),
                       a.version = a.version + 1, a.updated_at = ?, a.updated_by = ?
                 WHERE a.program_id = ?
                   AND ? + COALESCE(?, a.out_of_service) <= p.capacity
                   AND (? IS NULL OR a.version = ?)""" + CountWrites.KEEP_BOOKABLE_BEFORE, statement -> {
            statement.setInt(1, available);
            statement.setObject(2, outOfService);
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setString(4, by);
            statement.setLong(5, program.programId());
            statement.setInt(6, available);
            statement.setObject(7, outOfService);
            statement.setObject(8, expectedVersion);
            statement.setObject(9, expectedVersion);
            return 10;
        }, program, now, by, source);
        return announce(changed.orElseThrow(
                () -> whyNotChanged(program.programId(), available, outOfService, expectedVersion)));
    }

    /**
     * A change made by a hold or a placement, guarded so it never overbooks: empty when the guard
     * fails (no bed left). Staff-reported freshness (updatedAt) is kept.
     */
    @Transactional
    public Optional<AvailabilityView> apply(CountedProgram program, CountChange change, String by) {
        return writes.change("UPDATE availability a JOIN programs p ON p.id = a.program_id SET "
                        + change.assignments + ", a.version = a.version + 1 WHERE a.program_id = ? AND " + change.guard
                        + CountWrites.KEEP_BOOKABLE_BEFORE,
                statement -> {
                    statement.setLong(1, program.programId());
                    return 2;
                }, program, clock.instant(), by, change.name()).map(this::announce);
    }

    /** As {@link #apply(CountedProgram, CountChange, String)}, reading the program first; empty without it. */
    @Transactional
    public Optional<AvailabilityView> apply(long programId, CountChange change, String by) {
        return counted(programId).flatMap(program -> apply(program, change, by));
    }

    /** A new program starts with nothing bookable until its staff report counts. */
    @Transactional
    public AvailabilityView open(long programId, String by) {
        CountedProgram program = counted(programId).orElseThrow(() -> ProblemException.notFound("Program"));
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
        return recorded(writes.record(program, clock.instant(), by, "PROGRAM"));
    }

    /** Capacity changed by an admin: counts stay, the new capacity is recorded and pushed (if live). */
    @Transactional
    public Optional<AvailabilityView> capacityChanged(long programId, String by) {
        CountedProgram program = counted(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        int changed = jdbc.prepareStatement("UPDATE availability SET version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE program_id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, by);
            statement.setLong(3, programId);
            return statement.executeUpdate();
        });
        // imported programs have history but no live counts: nothing to record
        return changed == 0 ? Optional.empty()
                : Optional.of(recorded(writes.record(program, clock.instant(), by, "PROGRAM")));
    }

    /** The change goes out as an event; if it freed beds, that is said too (the waitlist listens). */
    private AvailabilityView announce(CountWrites.Changed changed) {
        AvailabilityView view = recorded(changed.view());
        if (changed.freedBeds()) {
            bedsFreed.publishEvent(new BedsFreed(view.programId(), view.type(), view.regionCode()));
        }
        return view;
    }

    private AvailabilityView recorded(AvailabilityView view) {
        events.append(EventType.AVAILABILITY_CHANGED, view.programId(), view.facilityId(), null, Map.of("availability", view));
        return view;
    }

    private ProblemException whyNotChanged(long programId, int available, Integer outOfService, Long expectedVersion) {
        AvailabilityView current = queries.find(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        long out = outOfService != null ? outOfService : current.outOfService();
        if (available + out > current.capacity()) {
            return ProblemException.invalid("available", FieldCode.ABOVE_CAPACITY,
                    "available + outOfService must not exceed capacity " + current.capacity(), Map.of("max", current.capacity()));
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            return ProblemException.conflict(ProblemCode.STALE_VERSION, "The counts changed since version " + expectedVersion
                    + "; the current version is " + current.version(), Map.of("version", current.version()));
        }
        return ProblemException.conflict(ProblemCode.COUNTS_CHANGED, "The counts changed meanwhile; try again");
    }
}
