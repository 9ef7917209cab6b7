package org.harbour.platform;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Steps a feature runs once, just before the current transaction commits, in the same transaction: for
 * example the waitlist offering the beds a count change freed. The step is its own unit of work (the change
 * that asked for it has finished and knows nothing of it) yet commits or rolls back with it.
 *
 * <p>Steps run before the event outbox's flush, which commits (it is ordered last), and each step is
 * registered once per transaction and key: a second request for the same key only updates its argument.
 * A step may ask for more steps, but must not be the first in its transaction to append an event: the outbox
 * registers its flush on the first append, and the transaction manager cannot take a new synchronization while it
 * runs them. Today's only step (the waitlist's offers) follows a count change, which has always appended one.
 */
@Singleton
public class BeforeCommit {

    /** The order of the outbox flush, which sends the COMMIT: everything else must run before it. */
    public static final int COMMIT_ORDER = Ordered.LOWEST_PRECEDENCE;
    private static final int STEP_ORDER = 0;

    private final TransactionOperations<Connection> transactions;
    private final Map<Connection, Map<Object, Runnable>> stepsByTransaction = new ConcurrentHashMap<>();

    BeforeCommit(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code step} before the current transaction commits; the last step given for a key wins. */
    public void run(Object key, Runnable step) {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("a before-commit step needs a transaction"));
        Connection connection = (Connection) status.getConnection();
        stepsByTransaction.computeIfAbsent(connection, c -> {
            status.registerSynchronization(new Steps(c, PropagatedContext.getOrEmpty()));
            return new LinkedHashMap<>();
        }).put(key, step);
    }

    private final class Steps implements TransactionSynchronization {
        private final Connection connection;
        private final PropagatedContext transactionContext;

        Steps(Connection connection, PropagatedContext transactionContext) {
            this.connection = connection;
            this.transactionContext = transactionContext;
        }

        @Override
        public int getOrder() {
            return STEP_ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            Map<Object, Runnable> steps = stepsByTransaction.getOrDefault(connection, Map.of());
            // a step may ask for another (an offer freeing a bed elsewhere): run until none is left
            // the commit runs outside the transaction's propagated context: steps run back inside it, so what they
            // call joins this transaction (its connection, its event outbox) instead of starting one of its own
            try (PropagatedContext.Scope inside = transactionContext.propagate()) {
                while (!steps.isEmpty()) {
                    Object key = steps.keySet().iterator().next();
                    steps.remove(key).run();
                }
            }
        }

        @Override
        public void afterCompletion(Status status) {
            stepsByTransaction.remove(connection);
        }
    }
}
