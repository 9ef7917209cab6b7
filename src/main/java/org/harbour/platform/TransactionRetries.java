package org.harbour.platform;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.harbour.problem.DatabaseErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database undid it for crossing another one: an InnoDB deadlock, a lock wait
 * timeout, or (on a Galera cluster written through more than one node) a certification conflict. The whole unit runs
 * again, its events with it (they are written by the transaction itself, see EventLog), so a retry can neither lose nor
 * repeat one. Attempts are bounded and spaced by a growing, jittered pause, so that two transactions that crossed do
 * not cross again in step. When they run out the caller gets 409 with Retry-After, never a 500.
 *
 * <p>Only the outermost transaction retries: one that joined another cannot, since the database undid the outer one.
 *
 * <p>A broken link (a node died) is not retried here: after one, the transaction manager's clean-up on the dead
 * connection throws in place of the original failure, so a break before the COMMIT cannot be told from one while it
 * was on its way, which may have committed. The caller gets 503 with Retry-After and looks before trying again; the
 * driver's failover URL has meanwhile moved on to the next node.
 */
@Singleton
public class TransactionRetries {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionRetries.class);

    private final TransactionOperations<Connection> transactions;
    private final int attempts;
    private final long firstPauseMillis;
    private final long longestPauseMillis;

    TransactionRetries(TransactionOperations<Connection> transactions,
                       @Value("${harbour.database.retry.attempts:6}") int attempts,
                       @Value("${harbour.database.retry.first-pause-millis:5}") long firstPauseMillis,
                       @Value("${harbour.database.retry.longest-pause-millis:200}") long longestPauseMillis) {
        this.transactions = transactions;
        this.attempts = Math.max(1, attempts);
        this.firstPauseMillis = Math.max(1, firstPauseMillis);
        this.longestPauseMillis = Math.max(this.firstPauseMillis, longestPauseMillis);
    }

    /** A read-write transaction of its own, run again on a conflict; joins (and does not retry) one already open. */
    public <T> T write(TransactionCallback<Connection, T> work) {
        return run(() -> transactions.executeWrite(work));
    }

    /** Whether a transaction is open on this thread: then the unit joins it, and only its owner may retry. */
    boolean insideTransaction() {
        return transactions.findTransactionStatus().isPresent();
    }

    /**
     * Runs {@code transaction}, a whole transaction from begin to commit, up to the configured attempts.
     * A failure that is not a conflict passes through untouched.
     */
    <T> T run(Supplier<T> transaction) {
        if (insideTransaction()) {
            return transaction.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (!DatabaseErrors.isLockConflict(failure)) {
                    throw unreachableAsDataAccess(failure);
                }
                if (attempt >= attempts) {
                    LOG.warn("A transaction crossed others {} times in a row; answering 409", attempt);
                    throw new DataAccessException("Concurrent changes kept crossing this one", failure);
                }
                pause(attempt);
            }
        }
    }

    /**
     * A broken link wrapped by a step of ours (the outbox's commit, for instance) reaches the caller as the data-access
     * failure it is, so it is answered 503 like any other, not 500.
     */
    private static RuntimeException unreachableAsDataAccess(RuntimeException failure) {
        if (!(failure instanceof DataAccessException) && DatabaseErrors.isConnectionFailure(failure)) {
            return new DataAccessException("The database link broke", failure);
        }
        return failure;
    }

    /** Exponential backoff with full jitter: a random pause up to 5, 10, 20... ms, at most the longest pause. */
    private void pause(int attempt) {
        long ceiling = Math.min(longestPauseMillis, firstPauseMillis << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
