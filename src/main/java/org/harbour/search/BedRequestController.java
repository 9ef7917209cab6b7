package org.harbour.search;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import org.harbour.security.CurrentUser;

@Controller("/api/bed-requests")
@Secured({"CASEWORKER", "ADMIN"})
class BedRequestController {

    private final BedRequests bedRequests;

    BedRequestController(BedRequests bedRequests) {
        this.bedRequests = bedRequests;
    }

    @Post
    HttpResponse<BedRequests.Result> search(@Body BedRequests.Request request, CurrentUser user) {
        return HttpResponse.created(bedRequests.search(request, user));
    }

    /** What happened at the door: refusals after a match become visible per program. */
    @Post("/{id}/outcome")
    HttpResponse<Void> outcome(@PathVariable long id, @Body BedRequests.Outcome outcome, CurrentUser user) {
        bedRequests.recordOutcome(id, outcome, user);
        return HttpResponse.status(io.micronaut.http.HttpStatus.CREATED);
    }
}
