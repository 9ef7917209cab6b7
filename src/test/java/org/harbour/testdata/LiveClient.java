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

    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
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

    public CompletableFuture<Integer> closed() {
        return closed;
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
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
