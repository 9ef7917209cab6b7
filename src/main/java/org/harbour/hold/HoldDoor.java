package org.harbour.hold;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.facility.Programs;
import org.harbour.platform.TransactionRetries;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;
import org.harbour.security.Role;

import java.util.HashMap;
import java.util.Map;

/**
 * The shelter's side of a hold: its staff check her in with her code, or record that she did not come or was turned
 * away (with a reason, which counts in the program's refusal rate). Only that facility's staff and ADMIN keep the
 * door: other staff get 403, anyone else 404. The hold's organization hears how it went.
 */
@Singleton
public class HoldDoor {

    static final int MAX_WRONG_CODES = 5;

    private final HoldRepository holds;
    private final Holds holdService;
    private final Programs programs;
    private final ArrivalCodes codes;
    private final EventLog events;
    private final AuditLog audit;
    private final TransactionRetries transactions;

    HoldDoor(HoldRepository holds, Holds holdService, Programs programs, ArrivalCodes codes, EventLog events,
             AuditLog audit, TransactionRetries transactions) {
        this.holds = holds;
        this.holdService = holdService;
        this.programs = programs;
        this.codes = codes;
        this.events = events;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Why a program turned her away at the door: a search reason, or one the door alone knows. */
    public enum DeclineReason {
        GENDER, AGE, CHILDREN, PETS, SUBSTANCE_USE, SEX_TRADE, WHEELCHAIR, LANGUAGE, MANDATORY_ACTIVITIES, NO_BED,
        INTAKE_CLOSED, SAFETY, OTHER
    }

    /** The active hold, if the caller keeps its program's door. */
    public Hold atTheDoor(long holdId, CurrentUser user) {
        return door(holdId, user).hold();
    }

    /** A hold at its door, with the facility the check found (so nothing reads it again). */
    private record AtTheDoor(Hold hold, long facilityId) {
    }

    private AtTheDoor door(long holdId, CurrentUser user) {
        Hold hold = holds.findById(holdId).orElseThrow(() -> ProblemException.notFound("Hold"));
        long facilityId = programs.facilityIdOf(hold.programId()).orElseThrow(() -> ProblemException.notFound("Hold"));
        boolean keepsTheDoor = user.isAdmin()
                || (user.role() == Role.SHELTER_STAFF && user.facilityIds().contains(facilityId));
        if (!keepsTheDoor) {
            throw user.role() == Role.SHELTER_STAFF
                    ? ProblemException.forbidden(ProblemCode.DOOR_STAFF_ONLY, "Only this facility's staff check people in at its door")
                    : ProblemException.notFound("Hold");
        }
        if (!hold.isActive()) {
            throw ProblemException.conflict(ProblemCode.HOLD_ENDED, "This hold has already ended ("
                    + hold.status().name().toLowerCase() + ")", Map.of("status", hold.status().name()));
        }
        return new AtTheDoor(hold, facilityId);
    }

    /**
     * Passes when the typed code is the hold's. A wrong one is counted in a transaction of its own (kept although the
     * answer is an error), and the fifth releases the hold, so a code cannot be guessed at the front desk.
     */
    public void checkCode(Hold hold, String typed, CurrentUser user) {
        if (typed == null || typed.isBlank()) {
            throw ProblemException.invalid("arrivalCode", FieldCode.REQUIRED, "is required: the six characters she gives at the door");
        }
        if (codes.matches(hold.arrivalCode(), typed)) {
            return;
        }
        int wrong = transactions.write(status -> {
            holds.countWrongCode(hold.id());
            return holds.wrongCodesOf(hold.id());
        });
        if (wrong >= MAX_WRONG_CODES) {
            transactions.write(status -> {
                if (holdService.end(hold, HoldStatus.RELEASED, user.username())) {
                    audit.record(user, "HOLD_RELEASED_WRONG_CODES", "HOLD", hold.id());
                }
                return null;
            });
            throw ProblemException.conflict(ProblemCode.WRONG_CODES_HOLD_RELEASED, MAX_WRONG_CODES
                    + " wrong codes: the hold is released. Ask her caseworker to call the shelter.",
                    Map.of("max", MAX_WRONG_CODES));
        }
        int left = MAX_WRONG_CODES - wrong;
        throw ProblemException.invalid("arrivalCode", FieldCode.WRONG_ARRIVAL_CODE, "is not this hold's code; " + left
                + (left == 1 ? " try is left" : " tries are left") + " before the hold is released",
                Map.of("triesLeft", left));
    }

    /** She came and gave her code: the hold became her placement. Called inside the placement's transaction. */
    public void arrived(Hold hold, long facilityId, CurrentUser user) {
        holds.recordDoor(hold.id(), DoorOutcome.ARRIVED, null);
        tell(EventType.HOLD_ARRIVED, hold, facilityId, null);
        audit.record(user, "HOLD_ARRIVED", "HOLD", hold.id());
    }

    @Transactional
    public void noShow(long holdId, CurrentUser user) {
        closeAtTheDoor(door(holdId, user), DoorOutcome.NO_SHOW, null, user);
    }

    @Transactional
    public void decline(long holdId, DeclineReason reason, CurrentUser user) {
        closeAtTheDoor(door(holdId, user), DoorOutcome.REFUSED_AT_DOOR, reason, user);
    }

    private void closeAtTheDoor(AtTheDoor atTheDoor, DoorOutcome outcome, DeclineReason reason, CurrentUser user) {
        Hold hold = atTheDoor.hold();
        if (!holdService.end(hold, HoldStatus.RELEASED, user.username())) {
            throw ProblemException.conflict(ProblemCode.HOLD_ENDED, "This hold has already ended");
        }
        holds.recordDoor(hold.id(), outcome, reason == null ? null : reason.name());
        long facilityId = atTheDoor.facilityId();
        tell(outcome == DoorOutcome.NO_SHOW ? EventType.HOLD_NO_SHOW : EventType.HOLD_DECLINED, hold, facilityId, reason);
        audit.record(user, outcome == DoorOutcome.NO_SHOW ? "HOLD_NO_SHOW" : "HOLD_DECLINED", "HOLD", hold.id());
    }

    private void tell(EventType type, Hold hold, long facilityId, DeclineReason reason) {
        Map<String, Object> body = new HashMap<>(Map.of("programId", hold.programId(), "holdId", hold.id()));
        if (reason != null) {
            body.put("reason", reason.name());
        }
        events.append(type, hold.programId(), facilityId, hold.organizationId(), body);
    }
}
