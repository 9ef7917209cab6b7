package org.harbour.platform;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Transactions made to cross, for {@link TransactionRetriesTest}: each counts how often it ran. */
@Singleton
class CrossingTransactions {

    static final String TABLE = "retry_probe";

    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger innerRuns = new AtomicInteger();
    private final JdbcOperations jdbc;

    CrossingTransactions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds one to row {@code first}, waits (on its first run only) until the other transaction has locked the other
     * row, then adds one to row {@code second}: two of these in opposite orders deadlock, and InnoDB undoes one.
     */
    @Transactional
    public void addInOrder(int first, int second, CyclicBarrier bothHoldOneRow, AtomicInteger firstRuns) {
        runs.incrementAndGet();
        add(first);
        if (firstRuns.incrementAndGet() == 1) {
            try {
                bothHoldOneRow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException(e);
            }
        }
        add(second);
    }

    /** Always undone by the database, as a certification conflict would be. */
    @Transactional
    public void alwaysConflicting() {
        runs.incrementAndGet();
        add(1);
        throw conflict();
    }

    /** Joins its caller's transaction; fails the first time it runs if asked to. */
    @Transactional
    public void inner(boolean conflictOnFirstRun) {
        add(2);
        if (innerRuns.incrementAndGet() == 1 && conflictOnFirstRun) {
            throw conflict();
        }
    }

    void add(int row) {
        jdbc.prepareStatement("UPDATE " + TABLE + " SET n = n + 1 WHERE id = ?", statement -> {
            statement.setInt(1, row);
            return statement.executeUpdate();
        });
    }

    static RuntimeException conflict() {
        return new IllegalStateException("commit refused",
                new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
    }
}
