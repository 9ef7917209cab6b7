package org.harbour.live;

import io.micronaut.websocket.CloseReason;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.micronaut.websocket.WebSocketSession;
import org.harbour.security.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One dashboard's socket. It starts catching up (snapshot or replay from the log) while live events
 * are parked; then the parked ones newer than what it sent follow, so nothing is lost or repeated.
 */
final class LiveSession {

    private final WebSocketSession socket;
    private final CurrentUser user;
    private final Outbox<byte[]> outbox;
    private final Consumer<LiveSession> onDrop;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final List<LiveEvent> parked = new ArrayList<>();
    private boolean live;
    private long cursor;

    LiveSession(WebSocketSession socket, CurrentUser user, int outboxLimit, Consumer<LiveSession> onDrop) {
        this.socket = socket;
        this.user = user;
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

    /**
     * Once: leaves the hub at once, then asks the client to reconnect. A client that stopped reading
     * never gets the close frame (it waits behind the stuck send), so the hub must not wait for it.
     */
    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            onDrop.accept(this);
            if (socket.isOpen()) {
                socket.close(CloseReason.TRY_AGAIN_LATER);
            }
        }
    }
}
