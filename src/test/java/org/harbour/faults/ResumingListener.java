package org.harbour.faults;

import org.harbour.testdata.LiveClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dashboard's live connection as the UI keeps it: when the socket goes, it reconnects with
 * {@code since} = the last seq it saw, again and again until one connection holds. Every message of
 * every connection is kept in arrival order.
 */
public final class ResumingListener implements AutoCloseable {

    private final URI base;
    private final String token;
    private final List<Map<String, Object>> received = new ArrayList<>();
    private final long snapshotSeq;
    private LiveClient current;
    private long lastSeq;
    private int attempts;

    public ResumingListener(URI base, String token) {
        this.base = base;
        this.token = token;
        current = LiveClient.connect(base, token, null);
        Map<String, Object> snapshot = current.next(Duration.ofSeconds(20));
        snapshotSeq = LiveClient.seq(snapshot);
        lastSeq = snapshotSeq;
    }

    public long snapshotSeq() {
        return snapshotSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public int attempts() {
        return attempts;
    }

    /** The connection drops (the network blinks as the database goes). */
    public void drop() {
        keep(current.drain(Duration.ofMillis(200)));
        current.close();
        current = null;
    }

    /**
     * Reconnects with since until a connection stays open for {@code settle}; gives up at the deadline.
     * Answers how long it took.
     */
    public Duration reconnect(Duration settle, Duration deadline) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (System.nanoTime() < end) {
            attempts++;
            LiveClient attempt;
            try {
                attempt = LiveClient.connect(base, token, lastSeq);
            } catch (RuntimeException refused) {
                Thread.sleep(250);
                continue;
            }
            List<Map<String, Object>> messages = attempt.drain(settle);
            keep(messages);
            if (!attempt.closed().isDone()) {
                current = attempt;
                return Duration.ofNanos(System.nanoTime() - start);
            }
            attempt.close();
            Thread.sleep(250);
        }
        throw new AssertionError("the live connection did not come back within " + deadline);
    }

    /**
     * Every message from here up to and including the first that matches. A connection the service
     * closes meanwhile (a resume whose catch-up met the outage is closed so the client retries) is
     * resumed with since, as the dashboard does.
     */
    public void readUntil(java.util.function.Predicate<Map<String, Object>> last, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int seen = received.size();
        while (System.nanoTime() < end) {
            List<Map<String, Object>> messages = current.drain(Duration.ofMillis(200));
            for (Map<String, Object> message : messages) {
                keep(List.of(message));
                if (last.test(message)) {
                    return;
                }
            }
            if (messages.isEmpty() && current.closed().isDone()) {
                current.close();
                reconnect(Duration.ofMillis(500), Duration.ofNanos(Math.max(1, end - System.nanoTime())));
                if (received.subList(seen, received.size()).stream().anyMatch(last)) {
                    return;
                }
            }
            seen = received.size();
        }
        throw new AssertionError("no matching live message within " + timeout);
    }

    /** Every message received, snapshot first. */
    public List<Map<String, Object>> received() {
        return received;
    }

    private void keep(List<Map<String, Object>> messages) {
        for (Map<String, Object> message : messages) {
            received.add(message);
            lastSeq = Math.max(lastSeq, LiveClient.seq(message));
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
