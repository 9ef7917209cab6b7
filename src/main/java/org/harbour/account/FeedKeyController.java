package org.harbour.account;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.account.AccountApi.FeedKeyView;
import org.harbour.audit.AuditLog;
import org.harbour.facility.Facilities;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

@Controller("/api/facilities/{id}/feed-keys")
class FeedKeyController {

    private final FeedKeys feedKeys;
    private final Facilities facilities;
    private final AuditLog audit;

    FeedKeyController(FeedKeys feedKeys, Facilities facilities, AuditLog audit) {
        this.audit = audit;
        this.feedKeys = feedKeys;
        this.facilities = facilities;
    }

    @Post
    @Secured("ADMIN")
    @Status(HttpStatus.CREATED)
    FeedKeyView issue(@PathVariable("id") long facilityId, @Parameter(hidden = true) CurrentUser user) {
        if (!facilities.exists(facilityId)) {
            throw ProblemException.notFound("Facility");
        }
        FeedKeys.Issued issued = feedKeys.issue(facilityId, user.username());
        audit.record(user, "FEED_KEY_ISSUED", "FEED_KEY", issued.id());
        return new FeedKeyView(issued.id(), issued.facilityId(), issued.key());
    }

}
