package org.harbour.testdata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client on /ws/live (java.net.http), collecting every message in arrival order. */
public final class LiveClient implements AutoCloseable {

    /** How long a sentinel may take to arrive; it normally takes milliseconds, so this only bounds a failure. */
    static final Duration SENTINEL_WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private final WebSocket socket;

    private LiveClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener())
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    public static LiveClient connect(URI httpBase, String token, Long since) {
        String ws = httpBase.toString().replaceFirst("^http", "ws");
        String query = "?access_token=" + token + (since == null ? "" : "&since=" + since);
        return new LiveClient(URI.create(ws + (ws.endsWith("/") ? "" : "/") + "ws/live" + query));
    }

    /** The next message, or fails after the timeout. */
    public Map<String, Object> next(Duration timeout) {
        try {
            Map<String, Object> message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no live message within " + timeout);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips messages until one matches. */
    public Map<String, Object> awaitMatching(Predicate<Map<String, Object>> predicate, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching live message within " + timeout);
            }
            Map<String, Object> message = next(Duration.ofNanos(left));
            if (predicate.test(message)) {
                return message;
            }
        }
    }

    /** Every message up to and including the first that matches; fails after the timeout. */
    public List<Map<String, Object>> through(Predicate<Map<String, Object>> last, Duration timeout) {
        List<Map<String, Object>> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching live message within " + timeout + " after " + received);
            }
            Map<String, Object> message = next(Duration.ofNanos(left));
            received.add(message);
            if (last.test(message)) {
                return received;
            }
        }
    }

    /**
     * Proves that no message {@code forbidden} matches has come, without waiting out a fixed window: after
     * the action whose message must not arrive, fire a {@link Sentinel} (a harmless later change every
     * socket is told about) and pass what it answers here. Events reach a socket in seq order, so once the
     * sentinel's message is here, a forbidden one committed before it would be here too. Reads up to the
     * sentinel's message and answers the messages before it (each checked against {@code forbidden}).
     */
    public List<Map<String, Object>> assertNothingBefore(Predicate<Map<String, Object>> sentinel,
                                                         Predicate<Map<String, Object>> forbidden) {
        List<Map<String, Object>> before = through(sentinel, SENTINEL_WAIT);
        before.remove(before.size() - 1);
        for (Map<String, Object> message : before) {
            if (forbidden.test(message)) {
                throw new AssertionError("a forbidden live message arrived before the sentinel: " + message);
            }
        }
        return before;
    }

    /**
     * A program kept only to mark a point in every socket's stream: each {@link #fire()} reports new counts
     * on it (never a bookable bed, so no waitlist is offered it and no search finds it), an
     * availability.changed that reaches every signed-in user, whatever their role or organization.
     */
    public static final class Sentinel {
        private final Http admin;
        private final long programId;
        private int outOfService;

        private Sentinel(Http admin, long programId) {
            this.admin = admin;
            this.programId = programId;
        }

        /** A new program of the default facility, with no bed available. */
        public static Sentinel create(Fixtures fixtures) {
            return new Sentinel(fixtures.admin(), fixtures.facilityWithBeds(12, 0).programId());
        }

        public long programId() {
            return programId;
        }

        /** Reports new counts on the program; answers the predicate that matches exactly that change's message. */
        public synchronized Predicate<Map<String, Object>> fire() {
            outOfService = outOfService % 2 + 1; // 1, 2, 1, ...: each report changes the row
            Http.Reply reply = admin.put("/api/programs/" + programId + "/availability",
                    Map.of("available", 0, "outOfService", outOfService));
            if (reply.status() != 200) {
                throw new AssertionError("the sentinel's report failed: " + reply.status() + " " + reply.body());
            }
            long version = ((Number) reply.map().get("version")).longValue();
            return message -> "availability.changed".equals(message.get("type"))
                    && message.get("availability") instanceof Map<?, ?> view
                    && ((Number) view.get("programId")).longValue() == programId
                    && ((Number) view.get("version")).longValue() == version;
        }
    }

    /** Everything that arrives within the window. */
    public List<Map<String, Object>> drain(Duration window) {
        List<Map<String, Object>> result = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return result;
                }
                Map<String, Object> message = messages.poll(left, TimeUnit.NANOSECONDS);
                if (message != null) {
                    result.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result;
        }
    }

    /** Completes with the close code the server sent (or fails with the connection's error). */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** The reason the server gave with its close frame; null before it closed. */
    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    public static long seq(Map<String, Object> message) {
        return ((Number) message.get("seq")).longValue();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add((Map<String, Object>) Http.parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
