package org.harbour.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies, lock-free, for millions of samples from many threads (the WebSocket fan-out records one
 * per delivered message): exact to 1 us below 1 s, to 1 ms up to 10 minutes.
 */
final class Histogram {

    private static final int BUCKETS = 1_000_000;
    private static final int SLOW_BUCKETS = 600_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLongArray slow = new AtomicLongArray(SLOW_BUCKETS + 1);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        if (micros < BUCKETS) {
            counts.incrementAndGet((int) micros);
        } else {
            slow.incrementAndGet((int) Math.min(micros / 1000, SLOW_BUCKETS));
        }
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
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i / 1000.0;
            }
        }
        for (int i = 0; i <= SLOW_BUCKETS; i++) {
            seen += slow.get(i);
            if (seen >= rank) {
                return i == SLOW_BUCKETS ? maxMillis() : i;
            }
        }
        return maxMillis();
    }

    double maxMillis() {
        return max.get() / 1000.0;
    }
}
