package org.harbour.platform;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.harbour.problem.DatabaseErrors;
import org.harbour.testdata.HarbourTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17: a transaction the database undoes for crossing another (deadlock, lock wait timeout, Galera certification
 * conflict) runs again, whole, a bounded number of times; one that joined another does not retry on its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionRetriesTest implements HarbourTest {

    @Inject
    CrossingTransactions crossing;
    @Inject
    OuterTransaction outer;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeAll
    void createProbeTable() {
        sql("CREATE TABLE IF NOT EXISTS " + CrossingTransactions.TABLE + " (id INT PRIMARY KEY, n INT NOT NULL)");
    }

    @AfterAll
    void dropProbeTable() {
        sql("DROP TABLE IF EXISTS " + CrossingTransactions.TABLE);
    }

    @BeforeEach
    void resetRows() {
        sql("DELETE FROM " + CrossingTransactions.TABLE);
        sql("INSERT INTO " + CrossingTransactions.TABLE + " VALUES (1, 0), (2, 0)");
        crossing.runs.set(0);
        crossing.innerRuns.set(0);
        outer.runs.set(0);
    }

    @Test
    void twoTransactionsThatDeadlockBothCommitTheLoserRunningAgainWhole() throws Exception {
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger aRuns = new AtomicInteger();
        AtomicInteger bRuns = new AtomicInteger();

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> crossing.addInOrder(1, 2, bothHoldOneRow, aRuns));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> crossing.addInOrder(2, 1, bothHoldOneRow, bRuns));
        CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

        assertThat(aRuns.get() + bRuns.get()).as("one of them was undone and ran again").isEqualTo(3);
        // each committed transaction added one to both rows; the undone attempt left nothing behind
        assertThat(value(1)).isEqualTo(2);
        assertThat(value(2)).isEqualTo(2);
    }

    @Test
    void aTransactionThatKeepsConflictingStopsAfterItsAttemptsAsAConflictNotAFailure() {
        assertThatThrownBy(() -> crossing.alwaysConflicting())
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(DatabaseErrors.isLockConflict(e)).isTrue());

        assertThat(crossing.runs.get()).isEqualTo(6);
        assertThat(value(1)).as("every attempt rolled back").isZero();
    }

    @Test
    void aMethodThatJoinedATransactionLeavesTheRetryToItsOwner() {
        outer.callInnerThatFailsOnce();

        assertThat(crossing.innerRuns.get()).isEqualTo(2);
        assertThat(outer.runs.get()).as("the whole outer transaction ran again").isEqualTo(2);
        assertThat(value(1)).isEqualTo(1);
        assertThat(value(2)).isEqualTo(1);
    }

    @Test
    void aFailureThatIsNotAConflictIsNotRetried() {
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            crossing.add(1);
            throw new IllegalArgumentException("not a conflict");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(value(1)).isZero();
    }

    private int value(int row) {
        return jdbc.execute(connection -> {
            try (var statement = connection.prepareStatement("SELECT n FROM " + CrossingTransactions.TABLE + " WHERE id = ?")) {
                statement.setInt(1, row);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private void sql(String statement) {
        transactions.executeWrite(status -> jdbc.execute(connection -> {
            try (var s = connection.createStatement()) {
                return s.execute(statement);
            }
        }));
    }
}
