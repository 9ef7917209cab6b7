package org.harbour.waitlist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.security.CurrentUser;
import org.harbour.waitlist.WaitlistApi.EntryView;
import org.harbour.waitlist.WaitlistApi.JoinRequest;

import java.util.List;

@Controller("/api/waitlist")
@Secured({"CASEWORKER", "ADMIN"})
class WaitlistController {

    private final Waitlists waitlists;

    WaitlistController(Waitlists waitlists) {
        this.waitlists = waitlists;
    }

    @Post
    @Status(HttpStatus.CREATED)
    EntryView join(@Body JoinRequest request, @Parameter(hidden = true) CurrentUser user) {
        return waitlists.join(request, user);
    }

    @Get
    List<EntryView> list(@Nullable @QueryValue Long programId, @Nullable @QueryValue String type,
                         @Nullable @QueryValue String regionCode, @Parameter(hidden = true) CurrentUser user) {
        return waitlists.list(programId, type, regionCode, user);
    }

    @Delete("/{id}")
    HttpResponse<Void> withdraw(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
        waitlists.withdraw(id, user);
        return HttpResponse.noContent();
    }
}
