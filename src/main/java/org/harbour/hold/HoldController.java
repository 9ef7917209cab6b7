package org.harbour.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.hold.HoldApi.Decline;
import org.harbour.hold.HoldApi.HoldView;
import org.harbour.hold.HoldApi.IncomingHold;
import org.harbour.hold.HoldApi.NewHold;
import org.harbour.problem.Checks;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
class HoldController {

    private final Holds holds;
    private final IncomingHolds incoming;
    private final HoldDoor door;

    HoldController(Holds holds, IncomingHolds incoming, HoldDoor door) {
        this.incoming = incoming;
        this.door = door;
        this.holds = holds;
    }

    @Post("/programs/{id}/holds")
    @Secured({"CASEWORKER", "ADMIN"})
    @Status(HttpStatus.CREATED)
    HoldView create(@PathVariable("id") long programId, @Nullable @Body NewHold request,
                    @Parameter(hidden = true) CurrentUser user) {
        NewHold body = request == null ? new NewHold(null, null) : request;
        return holds.create(programId, body.clientId(), body.minutes(), user);
    }

    @Get("/programs/{id}/holds")
    @Secured({"CASEWORKER", "ADMIN", "SHELTER_STAFF"})
    List<IncomingHold> active(@PathVariable("id") long programId, @Parameter(hidden = true) CurrentUser user) {
        return incoming.activeFor(programId, user);
    }

    @Delete("/holds/{id}")
    @Secured({"CASEWORKER", "ADMIN"})
    HttpResponse<Void> release(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
        holds.release(id, user);
        return HttpResponse.noContent();
    }

    /** She did not come: the hold is released and the door outcome recorded. */
    @Post("/holds/{id}/no-show")
    @Secured({"SHELTER_STAFF", "ADMIN", "CASEWORKER"})
    HttpResponse<Void> noShow(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
        door.noShow(id, user);
        return HttpResponse.ok();
    }

    /** The program cannot take her: the hold is released and the refusal recorded with its reason. */
    @Post("/holds/{id}/decline")
    @Secured({"SHELTER_STAFF", "ADMIN", "CASEWORKER"})
    HttpResponse<Void> decline(@PathVariable long id, @Nullable @Body Decline request,
                               @Parameter(hidden = true) CurrentUser user) {
        Checks checks = new Checks();
        String reason = request == null ? null : request.reason();
        HoldDoor.DeclineReason why = checks.required("reason", reason)
                ? checks.enumValue("reason", reason, HoldDoor.DeclineReason.class) : null;
        checks.throwIfAny();
        door.decline(id, why, user);
        return HttpResponse.ok();
    }
}
