package org.harbour.placement;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.availability.AvailabilityLedger;
import org.harbour.availability.CountChange;
import org.harbour.client.Client;
import org.harbour.client.Clients;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.facility.ProgramRef;
import org.harbour.facility.Programs;
import org.harbour.hold.Hold;
import org.harbour.hold.HoldDoor;
import org.harbour.hold.HoldStatus;
import org.harbour.hold.Holds;
import org.harbour.placement.PlacementApi.EndPlacement;
import org.harbour.placement.PlacementApi.MovePlacement;
import org.harbour.placement.PlacementApi.NewPlacement;
import org.harbour.placement.PlacementApi.PlacementView;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.problem.DatabaseErrors;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Places clients in beds, ends and moves placements. Every bed taken or freed is a guarded count
 * change in the same transaction as the placement row, so counts and placements never disagree.
 */
@Singleton
public class Placements {

    private final PlacementRepository placements;
    private final Programs programs;
    private final Clients clients;
    private final Holds holds;
    private final AvailabilityLedger ledger;
    private final EventLog events;
    private final AuditLog audit;
    private final ApplicationEventPublisher<ClientPlaced> clientPlaced;
    private final PlacementReads reads;
    private final HoldDoor door;
    private final Clock clock;

    Placements(PlacementRepository placements, Programs programs,
               Clients clients, Holds holds, AvailabilityLedger ledger, EventLog events, AuditLog audit,
               ApplicationEventPublisher<ClientPlaced> clientPlaced, PlacementReads reads, HoldDoor door,
               Clock clock) {
        this.door = door;
        this.placements = placements;
        this.programs = programs;
        this.clients = clients;
        this.holds = holds;
        this.ledger = ledger;
        this.events = events;
        this.audit = audit;
        this.clientPlaced = clientPlaced;
        this.reads = reads;
        this.clock = clock;
    }

    @Transactional
    PlacementView place(NewPlacement r, CurrentUser user) {
        Checks checks = new Checks();
        checks.required("clientId", r.clientId());
        checks.required("programId", r.programId());
        checks.date("startDate", r.startDate());
        checks.date("expectedEndDate", r.expectedEndDate());
        LocalDate start = r.startDate() != null ? r.startDate() : reads.today();
        checkDates(start, r.expectedEndDate(), "expectedEndDate", checks);
        checkCost(r.nightlyCost(), checks);
        checks.throwIfAny();
        Client client = clients.owned(r.clientId(), user);
        Placement placement = start(client, r.programId(), r.holdId(), start, r.expectedEndDate(), r.nightlyCost(), null, user);
        audit.record(user, "PLACEMENT_STARTED", "PLACEMENT", placement.id());
        return reads.view(placement);
    }

    @Transactional
    PlacementView end(long id, EndPlacement r, CurrentUser user) {
        Placement placement = visible(id, user);
        Checks checks = new Checks();
        EndReason reason = checks.required("reason", r.reason()) ? checks.enumValue("reason", r.reason(), EndReason.class) : null;
        checks.date("endDate", r.endDate());
        LocalDate endDate = r.endDate() != null ? r.endDate() : reads.today();
        checkDates(placement.startDate(), endDate, "endDate", checks);
        checks.throwIfAny();
        finish(placement, endDate, reason, null, user);
        audit.record(user, "PLACEMENT_ENDED", "PLACEMENT", id);
        return reads.view(placements.findById(id).orElseThrow());
    }

    /** Ends the current placement as MOVED and starts the next: both or neither. */
    @Transactional
    PlacementView move(long id, MovePlacement r, CurrentUser user) {
        Placement current = visible(id, user);
        Checks checks = new Checks();
        checks.required("toProgramId", r.toProgramId());
        EndReason why = r.reason() == null ? null : checks.enumValue("reason", r.reason(), EndReason.class);
        checks.date("date", r.date());
        checks.date("expectedEndDate", r.expectedEndDate());
        LocalDate date = r.date() != null ? r.date() : reads.today();
        checkDates(current.startDate(), date, "date", checks);
        checkDates(date, r.expectedEndDate(), "expectedEndDate", checks);
        checkCost(r.nightlyCost(), checks);
        checks.throwIfAny();
        finish(current, date, EndReason.MOVED, why, user);
        Client client = clients.owned(current.clientId(), user);
        Placement next = start(client, r.toProgramId(), r.holdId(), date, r.expectedEndDate(), r.nightlyCost(), current.id(), user);
        audit.record(user, "PLACEMENT_MOVED", "PLACEMENT", next.id());
        return reads.view(next);
    }

    /**
     * Her arrival at the door, checked by the facility's staff with her code: the hold becomes her placement,
     * starting today in the facility's zone. Two staff pressing at once make one placement: the hold ends once.
     */
    @Transactional
    public PlacementView atDoor(Hold hold, long facilityId, LocalDate today, CurrentUser staff) {
        if (hold.clientId() == null) {
            throw ProblemException.conflict(ProblemCode.HOLD_NAMES_NOBODY, "This hold names nobody; the referring caseworker places her");
        }
        Client client = clients.byId(hold.clientId())
                .orElseThrow(() -> ProblemException.conflict(ProblemCode.HOLD_CLIENT_GONE, "This hold's client is no longer on record"));
        Placement placement = begin(client, hold.programId(), () -> hold, today, null, null, null, staff);
        door.arrived(hold, facilityId, staff);
        audit.record(staff, "PLACEMENT_STARTED_AT_DOOR", "PLACEMENT", placement.id());
        return reads.view(placement);
    }

    private Placement start(Client client, long programId, Long holdId, LocalDate start, LocalDate expectedEnd,
                            BigDecimal nightlyCost, Long movedFromId, CurrentUser user) {
        return begin(client, programId, holdId == null ? null : () -> holds.visible(holdId, user), start, expectedEnd,
                nightlyCost, movedFromId, user);
    }

    /** A placement, taking the held bed ({@code heldBed}, resolved after the cheap checks) or a bookable one. */
    private Placement begin(Client client, long programId, @Nullable Supplier<Hold> heldBed, LocalDate start,
                            LocalDate expectedEnd,
                            BigDecimal nightlyCost, Long movedFromId, CurrentUser user) {
        ProgramRef program = programs.find(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        if (placements.existsByClientIdAndStatus(client.id(), PlacementStatus.ACTIVE)) {
            throw ProblemException.conflict(ProblemCode.ACTIVE_PLACEMENT_EXISTS, "This client already has an active placement; end or move it first");
        }
        Hold hold = heldBed == null ? null : heldBed.get();
        Long holdId = hold == null ? null : hold.id();
        if (hold != null) {
            if (hold.programId() != programId) {
                throw ProblemException.invalid("holdId", FieldCode.HOLD_FOR_ANOTHER_PROGRAM, "the hold is for another program");
            }
            if (hold.clientId() != null && !hold.clientId().equals(client.id())) {
                throw ProblemException.conflict(ProblemCode.HOLD_FOR_ANOTHER_CLIENT, "The hold is for another client");
            }
            if (!holds.end(hold, HoldStatus.CONSUMED, user.username())) {
                throw ProblemException.conflict(ProblemCode.HOLD_ENDED, "The hold has already ended");
            }
            ledger.apply(programId, CountChange.PLACE_FROM_HOLD, user.username())
                    .orElseThrow(() -> ProblemException.conflict(ProblemCode.HELD_BED_GONE, "The held bed is no longer available"));
        } else {
            ledger.apply(programId, CountChange.PLACE, user.username())
                    .orElseThrow(() -> ProblemException.conflict(ProblemCode.NO_BED_LEFT, "No bookable bed is left in this program"));
        }
        BigDecimal cost = nightlyCost != null ? nightlyCost : program.nightlyCost();
        Placement saved;
        try {
            saved = placements.save(new Placement(null, client.id(), programId, client.organizationId(), holdId,
                    movedFromId, start, expectedEnd, null, null, null, PlacementStatus.ACTIVE, cost, false, user.id(),
                    clock.instant(), null));
        } catch (DataAccessException e) {
            if (DatabaseErrors.isDuplicateKey(e, "uk_placements_one_active")) {
                // a concurrent placement of the same client committed first; the unique index is the real guard
                throw ProblemException.conflict(ProblemCode.ACTIVE_PLACEMENT_EXISTS, "This client already has an active placement; end or move it first");
            }
            throw e;
        }
        events.append(EventType.PLACEMENT_STARTED, programId, program.facilityId(), null, Map.of("programId", programId));
        clientPlaced.publishEvent(new ClientPlaced(client.id(), saved.id()));
        return saved;
    }

    private void finish(Placement placement, LocalDate endDate, EndReason reason, EndReason moveReason, CurrentUser user) {
        int ended = placements.end(placement.id(), endDate, reason.name(), moveReason == null ? null : moveReason.name(),
                clock.instant());
        if (ended == 0) {
            throw ProblemException.conflict(ProblemCode.PLACEMENT_ENDED, "This placement has already ended");
        }
        ledger.apply(placement.programId(), CountChange.FREE_BED, user.username()).orElseThrow();
        long facilityId = programs.facilityIdOf(placement.programId()).orElseThrow();
        events.append(EventType.PLACEMENT_ENDED, placement.programId(), facilityId, null, Map.of("programId", placement.programId()));
    }

    private Placement visible(long id, CurrentUser user) {
        return placements.findById(id)
                .filter(p -> user.isAdmin() || (user.organizationId() != null && user.organizationId() == p.organizationId()))
                .orElseThrow(() -> ProblemException.notFound("Placement"));
    }

    private static void checkDates(LocalDate from, LocalDate to, String field, Checks checks) {
        if (from != null && to != null && to.isBefore(from)) {
            checks.fail(field, FieldCode.BEFORE_START, "must not be before the start date " + from, Map.of("min", from.toString()));
        }
    }

    private static void checkCost(BigDecimal cost, Checks checks) {
        if (cost != null && (cost.signum() < 0 || cost.compareTo(BigDecimal.valueOf(100_000)) > 0)) {
            checks.fail("nightlyCost", FieldCode.OUT_OF_RANGE, "must be between 0 and 100000", Map.of("min", 0, "max", 100000));
        }
    }
}
