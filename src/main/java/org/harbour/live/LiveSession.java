package org.harbour.live;

import io.micronaut.websocket.CloseReason;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.micronaut.websocket.WebSocketSession;
import org.harbour.security.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One dashboard's socket. It starts catching up (snapshot or replay from the log) while live events
 * are parked; then the parked ones newer than what it sent follow, so nothing is lost or repeated.
 */
final class LiveSession {

    /**
     * The dashboard's cue to fetch a fresh token (POST /api/login/refresh) and reconnect with since; if the
     * refresh is refused, its user was signed out (disabled, or the session's 12 h are over).
     */
    static final int SIGNED_OFF = 4401;
    static final CloseReason TOKEN_EXPIRED = new CloseReason(SIGNED_OFF, "token expired");
    static final CloseReason SIGNED_OUT = new CloseReason(SIGNED_OFF, "signed out");

    private final WebSocketSession socket;
    private final CurrentUser user;
    private final Instant expiresAt;
    private final Outbox<byte[]> outbox;
    private final Consumer<LiveSession> onDrop;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final List<LiveEvent> parked = new ArrayList<>();
    private boolean live;
    private long cursor;

    LiveSession(WebSocketSession socket, CurrentUser user, Instant expiresAt, int outboxLimit,
                Consumer<LiveSession> onDrop) {
        this.socket = socket;
        this.user = user;
        this.expiresAt = expiresAt;
        this.onDrop = onDrop;
        // each frame wraps the event's shared UTF-8 bytes (no copy, nothing encoded per socket)
        this.outbox = new Outbox<>(outboxLimit,
                message -> socket.sendAsync(new TextWebSocketFrame(Unpooled.wrappedBuffer(message))), this::drop);
    }

    String id() {
        return socket.getId();
    }

    CurrentUser user() {
        return user;
    }

    /** Whether the socket was opened with the rights its user has {@code now} (empty: disabled, gone or unknown). */
    boolean hasRightsOf(Optional<CurrentUser> now) {
        return now.map(user::equals).orElse(false);
    }

    /** When the token the socket was opened with runs out: the socket must not outlive it. */
    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Called by the tailer, in seq order. */
    synchronized void deliver(LiveEvent event) {
        if (dropped.get()) {
            return;
        }
        if (!live) {
            parked.add(event);
        } else {
            sendIfNew(event);
        }
    }

    /** Catch-up messages, before going live. */
    synchronized void sendCatchUp(String message, long seq) {
        cursor = Math.max(cursor, seq);
        push(message.getBytes(StandardCharsets.UTF_8));
    }

    synchronized void resumeFrom(long seq) {
        cursor = seq;
    }

    synchronized void sendCatchUp(LiveEvent event) {
        sendIfNew(event);
    }

    synchronized void goLive() {
        parked.forEach(this::sendIfNew);
        parked.clear();
        live = true;
    }

    private void sendIfNew(LiveEvent event) {
        if (event.seq() <= cursor) {
            return;
        }
        cursor = event.seq();
        if (Audience.mayReceive(user, event)) {
            push(event.message());
        }
    }

    void ping() {
        if (!dropped.get() && socket.isOpen()) {
            socket.sendPingAsync(new byte[0]); // a failed ping shows up as the socket closing
        }
    }

    private void push(byte[] message) {
        if (!dropped.get() && !outbox.offer(message)) {
            drop();
        }
    }

    void close() {
        drop();
    }

    /** Its token ran out, or its user was disabled or changed: nothing more is sent, and the client is told why. */
    void signOff(CloseReason reason) {
        closeWith(reason);
    }

    private void drop() {
        closeWith(CloseReason.TRY_AGAIN_LATER);
    }

    /**
     * Once: leaves the hub at once, then closes with the reason. A client that stopped reading never gets
     * the close frame (it waits behind the stuck send), so the hub must not wait for it. Messages still
     * queued are not sent; the client resumes with since and loses none.
     */
    private void closeWith(CloseReason reason) {
        if (dropped.compareAndSet(false, true)) {
            onDrop.accept(this);
            if (socket.isOpen()) {
                socket.close(reason);
            }
        }
    }
}
