package org.harbour.hold;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.availability.AvailabilityLedger;
import org.harbour.availability.AvailabilityView;
import org.harbour.availability.CountChange;
import org.harbour.availability.CountedProgram;
import org.harbour.client.Client;
import org.harbour.client.Clients;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.facility.Programs;
import org.harbour.hold.HoldApi.HoldView;
import org.harbour.platform.MultiStatements;
import org.harbour.platform.SqlQuery;
import org.harbour.platform.TransactionRetries;
import org.harbour.problem.Checks;
import org.harbour.problem.FieldCode;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Holds reserve one bookable bed for a while. The bed is taken by a guarded UPDATE (no bed, no hold,
 * however many race for it) and given back exactly once: on release, on expiry, or by a placement.
 */
@Singleton
public class Holds {

    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 240;
    public static final int DEFAULT_MINUTES = 90;

    private final HoldRepository holds;
    private final Programs programs;
    private final HoldLimits limits;
    private final ArrivalCodes codes;
    private final IntakeFactsRecorder intakeFacts;
    private final AvailabilityLedger ledger;
    private final Clients clients;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<HoldEnded> holdEnded;
    private final TransactionRetries transactions;
    private final JdbcOperations jdbc;

    Holds(HoldRepository holds, Programs programs, AvailabilityLedger ledger, Clients clients,
          EventLog events, AuditLog audit, Clock clock, ApplicationEventPublisher<HoldEnded> holdEnded,
          TransactionRetries transactions, HoldLimits limits, ArrivalCodes codes, IntakeFactsRecorder intakeFacts,
          JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.intakeFacts = intakeFacts;
        this.limits = limits;
        this.transactions = transactions;
        this.holdEnded = holdEnded;
        this.holds = holds;
        this.programs = programs;
        this.ledger = ledger;
        this.clients = clients;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Holds a bed. Everything that needs no lock is done first, in autocommit on this request's connection: the
     * client (hers, or 404), the program (or 404), her intake facts, the arrival code and its seal. The transaction
     * then takes the organization's lock with the limit counts (one round trip), inserts the hold with its audit row
     * (one), changes the counts (one: the program's count row is locked from here) and writes the events with the
     * COMMIT (one). A lost race throws, and the rollback takes the hold and audit rows away again.
     */
    @Connectable
    public HoldView create(long programId, @Nullable Long clientId, @Nullable Integer minutes, CurrentUser user) {
        Checks checks = new Checks();
        checks.range("minutes", minutes, MIN_MINUTES, MAX_MINUTES);
        if (clientId == null && !user.isAdmin()) {
            // a bed held for nobody is a bed nobody else can have: a caseworker's hold names the person
            checks.fail("clientId", FieldCode.CLIENT_REQUIRED_FOR_HOLD, "name the client this bed is held for (one of your organization's clients)");
        }
        checks.throwIfAny();
        Client client = clientId == null ? null : clients.ownedOutsideTransaction(clientId, user);
        Long organizationId = client != null ? Long.valueOf(client.organizationId()) : user.organizationId();
        CountedProgram program = ledger.counted(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        String facts = intakeFacts.of(client);
        String code = codes.generate();
        String sealed = codes.seal(code);
        int length = minutes == null ? DEFAULT_MINUTES : minutes;
        Hold hold = transactions.write(status -> {
            if (organizationId != null) {
                limits.lockAndCheck(organizationId, clientId); // first: see HoldLimits
            }
            Hold inserted = insertAudited(program.programId(), clientId, organizationId, length, user, sealed, facts);
            if (ledger.apply(program, CountChange.HOLD, user.username()).isEmpty()) {
                throw ProblemException.conflict(ProblemCode.NO_BED_LEFT, "No bookable bed is left in this program");
            }
            holdCreated(inserted, program.facilityId());
            return inserted;
        });
        // the code is in this answer to her own caseworker, and readable again only by her organization
        return new HoldView(hold.id(), hold.programId(), hold.clientId(), hold.expiresAt(), hold.status(), code);
    }

    /** The hold row and its audit row, in one round trip; the hold's id comes back from the same packet. */
    private Hold insertAudited(long programId, @Nullable Long clientId, @Nullable Long organizationId, int minutes,
                               CurrentUser user, String sealedCode, @Nullable String facts) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofMinutes(minutes));
        SqlQuery auditRow = audit.ofLastInserted(user, "HOLD_CREATED", "HOLD");
        long id = jdbc.prepareStatement("""
                INSERT INTO holds (program_id, client_id, organization_id, created_by, created_at, expires_at, status,
                                   arrival_code, wrong_codes, intake_facts)
                VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0, ?);
                SELECT LAST_INSERT_ID();
                """ + auditRow.sql(), statement -> {
            statement.setLong(1, programId);
            statement.setObject(2, clientId);
            statement.setObject(3, organizationId);
            statement.setLong(4, user.id());
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(expiresAt));
            statement.setString(7, sealedCode);
            statement.setString(8, facts);
            auditRow.bind(statement, 9);
            statement.execute(); // the hold's INSERT
            long holdId;
            try (ResultSet rs = MultiStatements.queryAfter(statement)) {
                rs.next();
                holdId = rs.getLong(1);
            }
            statement.getMoreResults(); // the audit row's INSERT: a failure there throws here
            return holdId;
        });
        return new Hold(id, programId, clientId, organizationId, user.id(), now, expiresAt, HoldStatus.ACTIVE, null,
                sealedCode, 0, facts, null, null);
    }

    /**
     * Takes a bed for a hold: 404 without the program, empty when nothing is bookable. The guarded
     * count change comes first, so a lost race leaves nothing behind in the caller's transaction.
     */
    public Optional<Hold> place(long programId, @Nullable Long clientId, @Nullable Long organizationId, int minutes,
                                long createdBy, String by) {
        CountedProgram program = ledger.counted(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        if (ledger.apply(program, CountChange.HOLD, by).isEmpty()) {
            return Optional.empty();
        }
        Hold hold = insertHold(programId, clientId, organizationId, minutes, createdBy, codes.generate());
        holdCreated(hold, program.facilityId());
        return Optional.of(hold);
    }

    private Hold insertHold(long programId, @Nullable Long clientId, @Nullable Long organizationId, int minutes,
                            long createdBy, String code) {
        Instant now = clock.instant();
        return holds.save(new Hold(null, programId, clientId, organizationId, createdBy, now,
                now.plus(Duration.ofMinutes(minutes)), HoldStatus.ACTIVE, null, codes.seal(code), 0,
                intakeFacts.of(clientId), null, null));
    }

    private void holdCreated(Hold hold, long facilityId) {
        events.append(EventType.HOLD_CREATED, hold.programId(), facilityId, null,
                Map.of("programId", hold.programId(), "holdId", hold.id()));
    }

    /**
     * Releases a hold: the hold and its program are read first, in autocommit; the transaction then ends the hold with
     * its audit row (one round trip), gives the bed back (one: the count row is locked from here) and writes the
     * events with the COMMIT (one).
     */
    @Connectable
    public void release(long holdId, CurrentUser user) {
        Hold hold = visible(holdId, user);
        CountedProgram program = ledger.counted(hold.programId()).orElseThrow();
        transactions.write(status -> {
            if (!end(hold, HoldStatus.RELEASED, user.username(), program, audit.of(user, "HOLD_RELEASED", "HOLD", holdId))) {
                throw ProblemException.conflict(ProblemCode.HOLD_ENDED, "This hold has already ended");
            }
            return null;
        });
    }

    /**
     * Ends an ACTIVE hold and gives its bed back; false if it had already ended (someone else won).
     * A hold ended by a placement keeps its bed: the placement takes it.
     */
    public boolean end(Hold hold, HoldStatus status, String by) {
        return end(hold, status, by, null, null);
    }

    /**
     * As {@link #end(Hold, HoldStatus, String)}, with the program already read (or null) and an audit row to write
     * with the hold's UPDATE in the same round trip (or null).
     */
    private boolean end(Hold hold, HoldStatus status, String by, @Nullable CountedProgram program,
                        @Nullable SqlQuery auditRow) {
        if (endRow(hold.id(), status, auditRow) == 0) {
            return false;
        }
        holdEnded.publishEvent(new HoldEnded(hold.id(), status));
        // the facility comes with the counts given back; only a placement's hold (no count change) reads it
        long facilityId;
        if (status == HoldStatus.CONSUMED) {
            facilityId = programs.facilityIdOf(hold.programId()).orElseThrow();
        } else {
            Optional<AvailabilityView> given = program != null ? ledger.apply(program, CountChange.RELEASE_HOLD, by)
                    : ledger.apply(hold.programId(), CountChange.RELEASE_HOLD, by);
            facilityId = given.orElseThrow().facilityId();
        }
        events.append(EventType.HOLD_RELEASED, hold.programId(), facilityId, null,
                Map.of("programId", hold.programId(), "holdId", hold.id()));
        return true;
    }

    /** The hold's UPDATE (ACTIVE to {@code status}, exactly once), with its audit row in the same packet if given. */
    private int endRow(long holdId, HoldStatus status, @Nullable SqlQuery auditRow) {
        if (auditRow == null) {
            return holds.end(holdId, status, clock.instant());
        }
        return jdbc.prepareStatement("UPDATE holds SET status = ?, ended_at = ? WHERE id = ? AND status = 'ACTIVE';\n"
                + auditRow.sql(), statement -> {
            statement.setString(1, status.name());
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.setLong(3, holdId);
            auditRow.bind(statement, 4);
            statement.execute();
            int ended = statement.getUpdateCount();
            statement.getMoreResults(); // the audit row's INSERT (rolled back with the rest if the hold had ended)
            return ended;
        });
    }

    public Optional<Hold> findActive(long holdId) {
        return holds.findById(holdId).filter(Hold::isActive);
    }

    /** A hold the caller may act on: its own organization's (ADMIN: any). Others' are not found. */
    public Hold visible(long holdId, CurrentUser user) {
        return holds.findById(holdId)
                .filter(h -> user.isAdmin() || ownOrganization(h, user))
                .orElseThrow(() -> ProblemException.notFound("Hold"));
    }

    static boolean ownOrganization(Hold hold, CurrentUser user) {
        return hold.organizationId() != null && hold.organizationId().equals(user.organizationId());
    }

    /** Releases every hold whose time is up; run by {@link HoldExpiry}. Returns how many expired. */
    public int expireDue() {
        int expired = 0;
        for (Long id : holds.findDue(clock.instant())) {
            if (expireOne(id)) {
                expired++;
            }
        }
        return expired;
    }

    private boolean expireOne(long holdId) {
        // one transaction per hold, so one failure does not undo the others
        return transactions.write(status -> {
            Hold hold = holds.findById(holdId).orElse(null);
            return hold != null && hold.isActive() && end(hold, HoldStatus.EXPIRED, "expiry");
        });
    }
}
