package org.harbour.security;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.harbour.problem.ProblemException;
import org.harbour.facility.FacilityRepository;

@Controller("/api/facilities/{facilityId}/feed-keys")
class FeedKeyController {

    private final FeedKeys feedKeys;
    private final FacilityRepository facilities;

    FeedKeyController(FeedKeys feedKeys, FacilityRepository facilities) {
        this.feedKeys = feedKeys;
        this.facilities = facilities;
    }

    @Post
    @Secured("ADMIN")
    HttpResponse<FeedKeyView> issue(@PathVariable long facilityId, CurrentUser user) {
        if (!facilities.existsById(facilityId)) {
            throw ProblemException.notFound("Facility");
        }
        FeedKeys.Issued issued = feedKeys.issue(facilityId, user.username());
        return HttpResponse.created(new FeedKeyView(issued.id(), issued.facilityId(), issued.key()));
    }

    /** The key is in this answer only; Harbour keeps just its hash. */
    @Serdeable
    record FeedKeyView(long id, long facilityId, String key) {
    }
}
