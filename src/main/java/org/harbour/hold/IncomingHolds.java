package org.harbour.hold;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.harbour.facility.Programs;
import org.harbour.hold.HoldApi.IncomingHold;
import org.harbour.hold.HoldApi.IntakeFacts;
import org.harbour.organization.Organizations;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;
import org.harbour.security.Role;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's active holds: who is coming tonight. The facility's staff (and ADMIN) see every one with the referring
 * organization and the intake facts, never a client id, alias or code; a caseworker sees her own organization's,
 * with its client and arrival code (as does an ADMIN of that organization).
 */
@Singleton
class IncomingHolds {

    private final HoldRepository holds;
    private final Programs programs;
    private final Organizations organizations;
    private final ArrivalCodes codes;
    private final JsonMapper json;

    IncomingHolds(HoldRepository holds, Programs programs, Organizations organizations, ArrivalCodes codes,
                  JsonMapper json) {
        this.holds = holds;
        this.programs = programs;
        this.organizations = organizations;
        this.codes = codes;
        this.json = json;
    }

    @ReadOnly
    List<IncomingHold> activeFor(long programId, CurrentUser user) {
        long facilityId = programs.facilityIdOf(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        boolean atTheDoor = user.isAdmin() || user.mayUpdateCountsOf(facilityId);
        Map<Long, String> organizationNames = new HashMap<>();
        return holds.findByProgramIdAndStatusOrderByExpiresAt(programId, HoldStatus.ACTIVE).stream()
                .filter(h -> atTheDoor || Holds.ownOrganization(h, user))
                .map(h -> {
                    boolean herCasework = mayKnowTheClient(h, user);
                    String organization = h.organizationId() == null ? null : organizationNames.computeIfAbsent(
                            h.organizationId(), id -> organizations.findNameById(id).orElse(null));
                    return new IncomingHold(h.id(), h.programId(), h.status(), h.createdAt(), h.expiresAt(),
                            organization, facts(h), herCasework ? h.clientId() : null,
                            herCasework && h.arrivalCode() != null ? codes.open(h.arrivalCode()) : null);
                })
                .toList();
    }

    /**
     * Who she is (client id, arrival code) is for the people doing her casework: the CASEWORKER and ADMIN users
     * of the hold's organization. The door (staff, even of that organization), and an ADMIN of another one reading
     * the door's list, see who is coming, never who she is.
     */
    private static boolean mayKnowTheClient(Hold hold, CurrentUser user) {
        return Holds.ownOrganization(hold, user) && (user.role() == Role.CASEWORKER || user.role() == Role.ADMIN);
    }

    private IntakeFacts facts(Hold hold) {
        if (hold.intakeFacts() == null) {
            return IntakeFacts.UNKNOWN;
        }
        try {
            return json.readValue(hold.intakeFacts(), IntakeFacts.class);
        } catch (IOException e) {
            return IntakeFacts.UNKNOWN; // facts are a courtesy to the door; a bad row must not hide the hold
        }
    }
}
