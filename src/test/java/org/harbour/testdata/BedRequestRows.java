package org.harbour.testdata;

import java.time.Duration;

/**
 * A bed request without a client is written just after its answer (issue 20); a test that reads its rows waits for
 * them. The writer keeps the order requests were answered in, so once one is written every earlier one has been
 * dealt with: an absence is checked by waiting for a later request, never by sleeping.
 */
public final class BedRequestRows {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private BedRequestRows() {
    }

    /** Returns once the request's row is in the database; fails after ten seconds. */
    public static void awaitWritten(long requestId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Sql.number("SELECT COUNT(*) FROM bed_requests WHERE id = ?", requestId) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("bed request " + requestId + " was not written within " + WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
