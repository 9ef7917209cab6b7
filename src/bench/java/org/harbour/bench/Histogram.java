package org.harbour.bench;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * Latencies in microseconds, recorded wait-free from many threads (the WebSocket fan-out records one per
 * delivered message, 50,000 a second): HdrHistogram, three significant digits, so a percentile is within
 * 0.1 % of the true value however long the tail.
 */
final class Histogram {

    private final ConcurrentHistogram micros = new ConcurrentHistogram(3);

    void recordNanos(long nanos) {
        micros.recordValue(Math.max(0, nanos / 1_000));
    }

    long count() {
        return micros.getTotalCount();
    }

    /** The latency (ms) at or below which the given share of samples lie. */
    double percentileMillis(double share) {
        return count() == 0 ? Double.NaN : micros.getValueAtPercentile(share * 100) / 1000.0;
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
    }
}
