package org.harbour.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.websocket.WebSocketSession;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.harbour.security.CurrentUser;
import org.harbour.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** This instance's connected dashboards: joins them (snapshot or resume) and fans events out. */
@Singleton
class LiveHub {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    static final int MAX_REPLAY = 10_000;

    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final EventStore store;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;
    private final int outboxLimit;
    private final ExecutorService joiner = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "live-join");
        thread.setDaemon(true);
        return thread;
    });

    LiveHub(EventStore store, CurrentUsers currentUsers, JsonMapper json, MeterRegistry meters,
            @Value("${harbour.live.outbox-limit:1000}") int outboxLimit) {
        this.store = store;
        this.currentUsers = currentUsers;
        this.json = json;
        this.outboxLimit = outboxLimit;
        meters.gaugeMapSize("harbour.live.sessions", List.of(), sessions);
    }

    void join(WebSocketSession socket, CurrentUser user, Instant expiresAt, Long since) {
        LiveSession session = new LiveSession(socket, user, expiresAt, outboxLimit,
                dropped -> sessions.remove(dropped.id(), dropped));
        sessions.put(session.id(), session); // registered first: from here on every dispatched event is parked
        joiner.execute(() -> catchUp(session, since));
    }

    void leave(WebSocketSession socket) {
        sessions.remove(socket.getId());
    }

    void dispatch(List<LiveEvent> events) {
        for (LiveSession session : sessions.values()) {
            for (LiveEvent event : events) {
                session.deliver(event);
            }
        }
    }

    /**
     * The user was disabled or changed (on whichever instance): her sockets opened with other rights than hers
     * {@code now} (empty: disabled, or unknown) close now, and reconnect with her new rights.
     */
    void signOff(long userId, String username, Optional<CurrentUser> now) {
        sessions.values().stream()
                .filter(session -> session.user().id() == userId || session.user().username().equals(username))
                .filter(session -> !session.hasRightsOf(now))
                .forEach(session -> session.signOff(LiveSession.SIGNED_OUT));
    }

    /**
     * A socket must not outlive its token, nor its user's rights. Expiry is read from the system clock, as the
     * token validator reads it. The user check is the safety net for changes that come without a user.changed
     * event (an account disabled in SQL) and for a socket that joined while its user's change was being
     * handled: each user of this instance is read again (through CurrentUsers' cache), and a socket whose
     * user is gone or no longer the same is closed.
     */
    @Scheduled(fixedDelay = "${harbour.live.session-check-interval:PT15S}",
            initialDelay = "${harbour.live.session-check-interval:PT15S}")
    void checkSessions() {
        Instant now = Instant.now();
        Map<String, Optional<CurrentUser>> current = new HashMap<>();
        boolean databaseAway = false;
        for (LiveSession session : sessions.values()) {
            if (session.expiredAt(now)) {
                session.signOff(LiveSession.TOKEN_EXPIRED);
                continue;
            }
            if (databaseAway) {
                continue;
            }
            Optional<CurrentUser> user;
            try {
                user = current.computeIfAbsent(session.user().username(), currentUsers::byUsername);
            } catch (RuntimeException e) {
                // keep the sockets rather than guess, and ask no more this round: the next check reads again
                databaseAway = true;
                continue;
            }
            if (!session.hasRightsOf(user)) {
                session.signOff(LiveSession.SIGNED_OUT);
            }
        }
    }

    /**
     * The server closes a connection that has been idle (no read or write) for its idle timeout; a
     * quiet night would close every dashboard. A ping keeps a healthy one open, while to a client
     * that stopped reading it never completes, so that one is still closed.
     */
    @Scheduled(fixedDelay = "${harbour.live.heartbeat:PT30S}", initialDelay = "${harbour.live.heartbeat:PT30S}")
    void heartbeat() {
        sessions.values().forEach(LiveSession::ping);
    }

    int size() {
        return sessions.size();
    }

    private void catchUp(LiveSession session, Long since) {
        try {
            // a replay must fit the outbox with room to spare for live events; further behind, the
            // replay would overflow it and drop the client again, so a snapshot is the way back
            int replayLimit = Math.min(MAX_REPLAY, outboxLimit / 2);
            List<LiveEvent> missed = since == null ? null : store.after(since, replayLimit + 1);
            boolean canResume = missed != null && missed.size() <= replayLimit && since <= store.lastSeq();
            if (canResume) {
                session.resumeFrom(since);
                missed.forEach(session::sendCatchUp);
            } else {
                EventStore.Snapshot snapshot = store.snapshot();
                String message = json.writeValueAsString(Map.of(
                        "type", "snapshot", "seq", snapshot.seq(), "availability", snapshot.availability()));
                session.sendCatchUp(message, snapshot.seq());
            }
            session.goLive();
        } catch (IOException | RuntimeException e) {
            LOG.warn("A live session could not catch up; closing it so the client retries: {}", e.getClass().getSimpleName());
            session.close();
        }
    }

    @PreDestroy
    void stop() {
        joiner.shutdownNow();
    }
}
