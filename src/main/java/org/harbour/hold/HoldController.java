package org.harbour.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.harbour.hold.Holds.HoldView;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api")
class HoldController {

    private final Holds holds;

    HoldController(Holds holds) {
        this.holds = holds;
    }

    @Post("/programs/{programId}/holds")
    @Secured({"CASEWORKER", "ADMIN"})
    HttpResponse<HoldView> create(@PathVariable long programId, @Nullable @Body NewHold request, CurrentUser user) {
        NewHold body = request == null ? new NewHold(null, null) : request;
        return HttpResponse.created(holds.create(programId, body.clientId(), body.minutes(), user));
    }

    @Get("/programs/{programId}/holds")
    @Secured({"CASEWORKER", "ADMIN", "SHELTER_STAFF"})
    List<HoldView> active(@PathVariable long programId, CurrentUser user) {
        return holds.activeFor(programId, user);
    }

    @Delete("/holds/{id}")
    @Secured({"CASEWORKER", "ADMIN"})
    HttpResponse<Void> release(@PathVariable long id, CurrentUser user) {
        holds.release(id, user);
        return HttpResponse.noContent();
    }

    @Serdeable
    record NewHold(@Nullable Long clientId, @Nullable Integer minutes) {
    }
}
