package org.harbour.hold;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.availability.AvailabilityLedger;
import org.harbour.availability.CountChange;
import org.harbour.availability.CountedProgram;
import org.harbour.client.Client;
import org.harbour.client.Clients;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.facility.Programs;
import org.harbour.hold.HoldApi.HoldView;
import org.harbour.platform.TransactionRetries;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

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

    Holds(HoldRepository holds, Programs programs, AvailabilityLedger ledger, Clients clients,
          EventLog events, AuditLog audit, Clock clock, ApplicationEventPublisher<HoldEnded> holdEnded,
          TransactionRetries transactions, HoldLimits limits, ArrivalCodes codes, IntakeFactsRecorder intakeFacts) {
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
     * Holds a bed for her. What needs no lock is read first, each in autocommit: whether the caller may act for her
     * (404 otherwise), the program (404), what the door will be told of her, and the arrival code with its seal. The
     * transaction then takes her organization's lock as its first statement (HoldLimits), counts against the limits,
     * writes the hold and its audit row, and takes the program's count row last; so 20 caseworkers of one
     * organization queue on its lock for five statements, not ten (issue 20), and on one program only for the count
     * change and the commit. A lost race throws, and the rollback takes the hold and audit rows away again.
     */
    public HoldView create(long programId, @Nullable Long clientId, @Nullable Integer minutes, CurrentUser user) {
        Checks checks = new Checks();
        checks.range("minutes", minutes, MIN_MINUTES, MAX_MINUTES);
        if (clientId == null && !user.isAdmin()) {
            // a bed held for nobody is a bed nobody else can have: a caseworker's hold names the person
            checks.fail("clientId", FieldCode.CLIENT_REQUIRED_FOR_HOLD, "name the client this bed is held for (one of your organization's clients)");
        }
        checks.throwIfAny();
        Client client = clientId == null ? null : clients.owned(clientId, user);
        CountedProgram program = ledger.counted(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        String facts = intakeFacts.of(client);
        String code = codes.generate();
        String sealedCode = codes.seal(code);
        // the hold counts against her organization (a client's never changes), else the caller's, which an ADMIN
        // may not have: boxed, or the conditional would unbox that null beside the client's long
        Long countedAgainst = client != null ? Long.valueOf(client.organizationId()) : user.organizationId();
        Hold hold = transactions.write(status -> {
            if (countedAgainst != null) {
                limits.lockAndCheckRoomFor(countedAgainst, clientId);
            }
            Hold saved = insertHold(programId, clientId, countedAgainst,
                    minutes == null ? DEFAULT_MINUTES : minutes, user.id(), sealedCode, facts);
            audit.record(user, "HOLD_CREATED", "HOLD", saved.id());
            if (ledger.apply(program, CountChange.HOLD, user.username()).isEmpty()) {
                throw ProblemException.conflict(ProblemCode.NO_BED_LEFT, "No bookable bed is left in this program");
            }
            holdCreated(saved, program.facilityId());
            return saved;
        });
        // the code is in this answer to her own caseworker, and readable again only by her organization
        return new HoldView(hold.id(), hold.programId(), hold.clientId(), hold.expiresAt(), hold.status(), code);
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
        Hold hold = insertHold(programId, clientId, organizationId, minutes, createdBy, codes.seal(codes.generate()),
                intakeFacts.of(clientId == null ? null : clients.byId(clientId).orElse(null)));
        holdCreated(hold, program.facilityId());
        return Optional.of(hold);
    }

    private Hold insertHold(long programId, @Nullable Long clientId, @Nullable Long organizationId, int minutes,
                            long createdBy, String sealedCode, @Nullable String intakeFacts) {
        Instant now = clock.instant();
        return holds.save(new Hold(null, programId, clientId, organizationId, createdBy, now,
                now.plus(Duration.ofMinutes(minutes)), HoldStatus.ACTIVE, null, sealedCode, 0, intakeFacts, null, null));
    }

    private void holdCreated(Hold hold, long facilityId) {
        events.append(EventType.HOLD_CREATED, hold.programId(), facilityId, null,
                Map.of("programId", hold.programId(), "holdId", hold.id()));
    }

    /**
     * Gives her bed back. The hold is read first, in autocommit (404 unless the caller's organization's); in the
     * transaction the audit row goes in before the guarded end, so the program's count row, locked by the end's count
     * change, is held for that change and the commit alone.
     */
    public void release(long holdId, CurrentUser user) {
        Hold hold = visible(holdId, user);
        transactions.write(status -> {
            audit.record(user, "HOLD_RELEASED", "HOLD", holdId);
            if (!end(hold, HoldStatus.RELEASED, user.username())) {
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
        if (holds.end(hold.id(), status, clock.instant()) == 0) {
            return false;
        }
        holdEnded.publishEvent(new HoldEnded(hold.id(), status, hold.createdBy()));
        // the facility comes with the counts given back; only a placement's hold (no count change) reads it
        long facilityId = status == HoldStatus.CONSUMED
                ? programs.facilityIdOf(hold.programId()).orElseThrow()
                : ledger.apply(hold.programId(), CountChange.RELEASE_HOLD, by).orElseThrow().facilityId();
        events.append(EventType.HOLD_RELEASED, hold.programId(), facilityId, null,
                Map.of("programId", hold.programId(), "holdId", hold.id()));
        return true;
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
