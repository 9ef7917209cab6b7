package org.harbour.search;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.security.CurrentUser;

@Controller("/api/bed-requests")
@Secured({"CASEWORKER", "ADMIN"})
class BedRequestController {

    private final BedRequests bedRequests;
    private final DoorOutcomes doorOutcomes;
    private final DemandWriter demands;

    BedRequestController(BedRequests bedRequests, DoorOutcomes doorOutcomes, DemandWriter demands) {
        this.bedRequests = bedRequests;
        this.doorOutcomes = doorOutcomes;
        this.demands = demands;
    }

    @Post
    @Status(HttpStatus.CREATED)
    SearchApi.Result search(@Body SearchApi.Request request, @Parameter(hidden = true) CurrentUser user) {
        return bedRequests.search(request, user);
    }

    /** What happened at the door: refusals after a match become visible per program. */
    @Post("/{id}/outcome")
    @Status(HttpStatus.CREATED)
    void outcome(@PathVariable long id, @Body SearchApi.Outcome outcome, @Parameter(hidden = true) CurrentUser user) {
        demands.awaitEarlierWrites(); // a request answered a moment ago may still be on its way to the database
        doorOutcomes.record(id, outcome, user);
    }
}
