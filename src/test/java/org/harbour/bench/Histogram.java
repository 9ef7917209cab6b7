package org.harbour.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, lock-free, for millions of samples from many threads (the WebSocket
 * fan-out records one per delivered message): exact to 1 us below 1 s, one overflow bucket above.
 */
final class Histogram {

    private static final int BUCKETS = 1_000_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        counts.incrementAndGet((int) Math.min(micros, BUCKETS));
        total.incrementAndGet();
        max.accumulateAndGet(micros, Math::max);
    }

    long count() {
        return total.get();
    }

    /** The smallest latency (ms) at or below which the given share of samples lie. */
    double percentileMillis(double share) {
        long n = total.get();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(share * n));
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i == BUCKETS ? maxMillis() : i / 1000.0;
            }
        }
        return maxMillis();
    }

    double maxMillis() {
        return max.get() / 1000.0;
    }
}
