package org.harbour.placement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.availability.AvailabilityLedger;
import org.harbour.availability.CountedProgram;
import org.harbour.hold.Hold;
import org.harbour.hold.HoldApi.Arrival;
import org.harbour.hold.HoldDoor;
import org.harbour.placement.PlacementApi.PlacementView;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;

/** Check-in at the door: the facility's staff type the code she gives, and her hold becomes her placement. */
@Controller("/api")
class ArrivalController {

    private final HoldDoor door;
    private final Placements placements;
    private final AvailabilityLedger ledger;
    private final Clock clock;

    ArrivalController(HoldDoor door, Placements placements, AvailabilityLedger ledger, Clock clock) {
        this.door = door;
        this.placements = placements;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Post("/holds/{id}/arrive")
    @Secured({"SHELTER_STAFF", "ADMIN", "CASEWORKER"})
    @Status(HttpStatus.CREATED)
    PlacementView arrive(@PathVariable long id, @Nullable @Body Arrival arrival, @Parameter(hidden = true) CurrentUser user) {
        Hold hold = door.atTheDoor(id, user);
        door.checkCode(hold, arrival == null ? null : arrival.arrivalCode(), user);
        CountedProgram program = ledger.counted(hold.programId()).orElseThrow(() -> ProblemException.notFound("Hold"));
        // her first night is tonight where the shelter is, whatever the server's zone
        return placements.atDoor(hold, program.facilityId(), LocalDate.now(clock.withZone(program.zone())), user);
    }
}
