package org.harbour.search;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.harbour.platform.WritesBehind;
import org.harbour.problem.DatabaseErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes bed requests without a client after their answers have gone (issue 20: the write and its commit were a third
 * of a request's time), the ones waiting at that moment together, in one transaction. Their ids were handed out
 * before ({@link BedRequestIds}), so a write retried after a broken link that had in fact committed is told by its
 * duplicate key, and is neither lost nor written twice. Readers of bed requests on this instance (the reports, door
 * outcomes) first wait for the writes handed over before them ({@link #awaitEarlierWrites}). A request naming a client
 * is not written here: its audit row must commit before she is told anything.
 */
@Singleton
class DemandWriter implements WritesBehind {

    private static final Logger LOG = LoggerFactory.getLogger(DemandWriter.class);

    /** Requests per transaction: one packet of at most this many requests and their 50 matches each. */
    private static final int BATCH = 20;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;

    private final DemandRecords records;
    private final int capacity;
    private final Duration readerWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition handedOver = lock.newCondition();
    private final Condition written = lock.newCondition();
    private final ArrayDeque<DemandRecords.Demand> waiting = new ArrayDeque<>();
    /** Requests handed over and requests written (or given up on) since start; both only grow. */
    private long handedOverCount;
    private long writtenCount;
    private boolean stopping;
    private final Thread writer;

    DemandWriter(DemandRecords records,
                 @Value("${harbour.search.demand-queue:10000}") int capacity,
                 @Value("${harbour.search.demand-reader-wait:10s}") Duration readerWait) {
        this.records = records;
        this.capacity = Math.max(1, capacity);
        this.readerWait = readerWait;
        this.writer = new Thread(this::run, "harbour-demand-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Hands a request over to be written. When {@code capacity} are already waiting (the database has not taken writes
     * for a while), the caller waits for room: requests slow down rather than vanish.
     */
    void write(DemandRecords.Demand demand) {
        lock.lock();
        try {
            while (waiting.size() >= capacity && !stopping) {
                written.awaitUninterruptibly();
            }
            if (!stopping) {
                waiting.add(demand);
                handedOverCount++;
                handedOver.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        records.write(List.of(demand)); // the service is stopping: nobody would write it later
    }

    @Override
    public void awaitEarlierWrites() {
        lock.lock();
        try {
            long target = handedOverCount;
            long deadline = System.nanoTime() + readerWait.toNanos();
            while (writtenCount < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Bed requests not yet written after {} s; reading without the last {}",
                            readerWait.toSeconds(), target - writtenCount);
                    return;
                }
                written.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<DemandRecords.Demand> batch = new ArrayList<>(BATCH);
            lock.lock();
            try {
                while (waiting.isEmpty()) {
                    if (stopping) {
                        return;
                    }
                    handedOver.awaitUninterruptibly();
                }
                for (int i = 0; i < BATCH && !waiting.isEmpty(); i++) {
                    batch.add(waiting.poll());
                }
            } finally {
                lock.unlock();
            }
            writeUntilDone(batch);
            lock.lock();
            try {
                writtenCount += batch.size();
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Writes the batch, waiting out an unreachable or busy database (it holds the requests meanwhile); a batch one of
     * whose requests is already in (a commit whose answer was lost) or that the database refuses is written request by
     * request, and a request refused on its own is given up, logged by its id only.
     */
    private void writeUntilDone(List<DemandRecords.Demand> batch) {
        long pause = 50;
        while (true) {
            try {
                records.write(batch);
                return;
            } catch (RuntimeException failure) {
                if (DatabaseErrors.isConnectionFailure(failure) || DatabaseErrors.isLockConflict(failure)) {
                    LOG.warn("Could not write {} bed requests yet ({}); trying again in {} ms", batch.size(),
                            failure.getClass().getSimpleName(), pause);
                    sleep(pause);
                    pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
                } else if (batch.size() > 1) {
                    batch.forEach(one -> writeUntilDone(List.of(one)));
                    return;
                } else if (DatabaseErrors.isDuplicateKey(failure)) {
                    return; // written before: the commit went through, its answer did not
                } else {
                    LOG.error("Bed request {} could not be written and is left out of the reports",
                            batch.get(0).id(), failure);
                    return;
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is waiting before the service stops (the data source closes after this bean). */
    @PreDestroy
    void stop() throws InterruptedException {
        lock.lock();
        try {
            stopping = true;
            handedOver.signalAll();
            written.signalAll();
        } finally {
            lock.unlock();
        }
        writer.join(readerWait.toMillis());
    }
}
