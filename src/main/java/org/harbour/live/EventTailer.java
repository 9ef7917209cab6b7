package org.harbour.live;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.harbour.event.EventType;
import org.harbour.event.EventsCommitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Follows the event table in seq order and hands each batch to this instance's sockets. Every
 * instance runs one, so events written by any instance reach every dashboard without a broker.
 * A local commit wakes it at once; the poll interval only bounds delay for other instances' writes.
 */
@Singleton
class EventTailer implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EventTailer.class);
    private static final int BATCH = 1000;

    private final EventStore store;
    private final LiveHub hub;
    private final AccountChanges accountChanges;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile long lastSeq;
    private Thread thread;

    EventTailer(EventStore store, LiveHub hub, AccountChanges accountChanges,
                @Value("${harbour.event-poll-interval:PT0.1S}") Duration pollInterval) {
        this.store = store;
        this.hub = hub;
        this.accountChanges = accountChanges;
        this.pollInterval = pollInterval;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (running) {
            return;
        }
        lastSeq = store.lastSeq();
        running = true;
        thread = new Thread(this::run, "event-tailer");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener
    void onCommitted(EventsCommitted committed) {
        if (committed.seq() > lastSeq) {
            wake.release();
        }
    }

    long lastSeq() {
        return lastSeq;
    }

    private void run() {
        long failingSince = 0;
        while (running) {
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                List<LiveEvent> batch;
                do {
                    batch = store.after(lastSeq, BATCH);
                    if (!batch.isEmpty()) {
                        deliver(batch);
                        lastSeq = batch.get(batch.size() - 1).seq();
                    }
                } while (batch.size() == BATCH && running);
                failingSince = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (failingSince == 0) {
                    failingSince = System.currentTimeMillis();
                    LOG.warn("Cannot read the event log; retrying: {}", e.getClass().getSimpleName());
                }
                sleepQuietly(500);
            }
        }
    }

    /**
     * In seq order: the events before a user's change still reach her sockets, none after it does (they are
     * closed), and her reconnection replays them with her new rights.
     */
    private void deliver(List<LiveEvent> batch) {
        int from = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).type() == EventType.USER_CHANGED) {
                hub.dispatch(batch.subList(from, i));
                accountChanges.apply(batch.get(i));
                from = i + 1;
            }
        }
        hub.dispatch(batch.subList(from, batch.size()));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
