package org.harbour.account;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.account.AccountApi.FeedKeyView;
import org.harbour.account.AccountApi.ListedFeedKey;
import org.harbour.audit.AuditLog;
import org.harbour.facility.Facilities;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.util.List;

/** A facility's feed keys (ADMIN): issue one (shown once), list them (never the key), revoke one. */
@Controller("/api")
@Secured("ADMIN")
class FeedKeyController {

    private final FeedKeys feedKeys;
    private final Facilities facilities;
    private final AuditLog audit;

    FeedKeyController(FeedKeys feedKeys, Facilities facilities, AuditLog audit) {
        this.audit = audit;
        this.feedKeys = feedKeys;
        this.facilities = facilities;
    }

    @Post("/facilities/{id}/feed-keys")
    @Status(HttpStatus.CREATED)
    @Transactional
    FeedKeyView issue(@PathVariable("id") long facilityId, @Parameter(hidden = true) CurrentUser user) {
        requireFacility(facilityId);
        FeedKeys.Issued issued = feedKeys.issue(facilityId, user.username());
        audit.record(user, "FEED_KEY_ISSUED", "FEED_KEY", issued.id());
        return new FeedKeyView(issued.id(), issued.facilityId(), issued.key());
    }

    @Get("/facilities/{id}/feed-keys")
    List<ListedFeedKey> list(@PathVariable("id") long facilityId) {
        requireFacility(facilityId);
        return feedKeys.list(facilityId).stream().map(ListedFeedKey::of).toList();
    }

    /** Revoked at once: the key's next request is a 401 on every instance (each request reads its row). */
    @Delete("/feed-keys/{keyId}")
    @Status(HttpStatus.NO_CONTENT)
    @Transactional
    void revoke(@PathVariable("keyId") long keyId, @Parameter(hidden = true) CurrentUser user) {
        feedKeys.findById(keyId).orElseThrow(() -> ProblemException.notFound("Feed key"));
        if (feedKeys.revoke(keyId)) {
            audit.record(user, "FEED_KEY_REVOKED", "FEED_KEY", keyId);
        }
    }

    private void requireFacility(long facilityId) {
        if (!facilities.exists(facilityId)) {
            throw ProblemException.notFound("Facility");
        }
    }
}
