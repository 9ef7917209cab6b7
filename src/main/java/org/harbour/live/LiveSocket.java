package org.harbour.live;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.harbour.security.CurrentUser;
import org.harbour.security.CurrentUsers;
import org.harbour.security.TokenExpiry;

import java.time.Instant;
import java.util.Optional;

/** GET /ws/live?access_token=...&since=... : snapshot (or the missed events), then every change. */
@ServerWebSocket("/ws/live")
@Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
class LiveSocket {

    private final LiveHub hub;
    private final CurrentUsers currentUsers;

    LiveSocket(LiveHub hub, CurrentUsers currentUsers) {
        this.hub = hub;
        this.currentUsers = currentUsers;
    }

    @OnOpen
    void open(WebSocketSession session, HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        Optional<CurrentUser> user = authentication.flatMap(currentUsers::of);
        // the socket lives as long as its token: one without an expiry is refused before it gets here
        Optional<Instant> expiresAt = authentication.flatMap(TokenExpiry::of);
        if (user.isEmpty() || expiresAt.isEmpty()) {
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        Long since = request.getParameters().getFirst("since").map(LiveSocket::parseSeq).orElse(null);
        hub.join(session, user.get(), expiresAt.get(), since);
    }

    @OnMessage
    void message(String message, WebSocketSession session) {
        // The stream is one-way; clients have nothing to say.
    }

    @OnClose
    void close(WebSocketSession session) {
        hub.leave(session);
    }

    private static Long parseSeq(String value) {
        try {
            long seq = Long.parseLong(value.trim());
            return seq >= 0 ? seq : null;
        } catch (NumberFormatException e) {
            return null; // a bad cursor just means a fresh snapshot
        }
    }
}
