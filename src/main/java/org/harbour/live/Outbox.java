package org.harbour.live;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A bounded per-socket queue with one send in flight, so messages go out in order and a slow
 * client only fills its own queue. When full, {@link #offer} answers false and the caller drops
 * the socket; the client reconnects with {@code since} and loses nothing.
 */
final class Outbox<M> {

    private final Queue<M> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final int limit;
    private final Function<M, CompletableFuture<?>> sender;
    private final Runnable onFailure;

    Outbox(int limit, Function<M, CompletableFuture<?>> sender, Runnable onFailure) {
        this.limit = limit;
        this.sender = sender;
        this.onFailure = onFailure;
    }

    boolean offer(M message) {
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        queue.add(message);
        drain();
        return true;
    }

    int size() {
        return size.get();
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            M next = queue.poll();
            if (next == null) {
                sending.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue; // a message arrived between poll and release: take it
            }
            size.decrementAndGet();
            CompletableFuture<?> sent;
            try {
                sent = sender.apply(next);
            } catch (RuntimeException e) {
                sending.set(false);
                onFailure.run();
                return;
            }
            if (sent.isDone() && !sent.isCompletedExceptionally()) {
                // sent at once: loop instead of recursing, so a long backlog cannot overflow the stack
                sending.set(false);
                continue;
            }
            sent.whenComplete((ignored, error) -> {
                sending.set(false);
                if (error != null) {
                    onFailure.run();
                } else {
                    drain();
                }
            });
            return;
        }
    }
}
