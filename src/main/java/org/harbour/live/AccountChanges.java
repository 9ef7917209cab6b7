package org.harbour.live;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.harbour.event.EventType;
import org.harbour.security.CurrentUser;
import org.harbour.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EventType#USER_CHANGED}, as every instance's tailer reads it from the shared event log: a change made
 * through one instance takes effect on all. The instance forgets what it cached of the user, so REST refuses
 * or re-reads her at once, and closes those of her sockets that were opened with other rights than hers now;
 * they reconnect (after a refresh) with her new rights. A socket she opened after the change (this instance
 * may read the event a moment later) already has them, so it stays open.
 */
@Singleton
class AccountChanges {

    private static final Logger LOG = LoggerFactory.getLogger(AccountChanges.class);
    private static final Argument<Map<String, Object>> BODY = Argument.mapOf(String.class, Object.class);

    private final CurrentUsers currentUsers;
    private final LiveHub hub;
    private final JsonMapper json;

    AccountChanges(CurrentUsers currentUsers, LiveHub hub, JsonMapper json) {
        this.currentUsers = currentUsers;
        this.hub = hub;
        this.json = json;
    }

    /** Never throws: a malformed event must not stall the tailer, which would then read the batch again. */
    void apply(LiveEvent event) {
        Map<String, Object> body;
        try {
            body = json.readValue(event.message(), BODY);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable user.changed event {}: {}", event.seq(), e.getClass().getSimpleName());
            return;
        }
        if (!(body.get("username") instanceof String username)) {
            LOG.warn("A user.changed event without a username: {}", event.seq());
            return;
        }
        long userId = body.get("userId") instanceof Number id ? id.longValue() : -1;
        currentUsers.forget(username);
        Optional<CurrentUser> now;
        try {
            now = currentUsers.byUsername(username);
        } catch (RuntimeException databaseAway) {
            // her rights now are unknown: close them all, as the reconnection reads them again
            now = Optional.empty();
        }
        hub.signOff(userId, username, now);
    }
}
