package org.harbour.hold;

import org.harbour.hold.HoldApi.NewHold;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.hold.HoldApi.HoldView;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
class HoldController {

    private final Holds holds;

    HoldController(Holds holds) {
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
    List<HoldView> active(@PathVariable("id") long programId, @Parameter(hidden = true) CurrentUser user) {
        return holds.activeFor(programId, user);
    }

    @Delete("/holds/{id}")
    @Secured({"CASEWORKER", "ADMIN"})
    HttpResponse<Void> release(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
        holds.release(id, user);
        return HttpResponse.noContent();
    }

}
