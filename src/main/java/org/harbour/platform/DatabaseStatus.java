package org.harbour.platform;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the database is known to be unreachable: a circuit breaker. The first request to meet the
 * outage waits out the pool's connection timeout; from then on {@link DatabaseGate} answers 503 at once,
 * and a probe every {@code harbour.database.probe-interval} closes the circuit as soon as the database
 * answers again. A busy pool (a timeout with the database up) never opens it: only a failed connect or
 * a broken link does.
 */
@Singleton
public class DatabaseStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStatus.class);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    /** How often /health may ask the database itself; between asks it answers from what the service knows. */
    private static final long HEALTH_PROBE_EVERY_NANOS = 1_000_000_000L;

    private volatile long downSince;
    private volatile long lastAnsweredNanos;
    private final AtomicBoolean healthProbing = new AtomicBoolean();

    DatabaseStatus(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public boolean isDown() {
        return downSince != 0;
    }

    /**
     * Whether the database is up, for /health: known down, no; answered within the last second, yes; otherwise one
     * caller runs SELECT 1 (the others meanwhile take the last answer), so load balancers polling /health cost the
     * database at most one round trip a second.
     */
    public boolean isUpForHealth() {
        if (isDown()) {
            return false;
        }
        if (System.nanoTime() - lastAnsweredNanos < HEALTH_PROBE_EVERY_NANOS || !healthProbing.compareAndSet(false, true)) {
            return true;
        }
        try {
            return check();
        } finally {
            healthProbing.set(false);
        }
    }

    /** Opens the circuit if this failure says the database cannot be reached. */
    public void failed(Throwable error) {
        if (unreachable(error) && downSince == 0) {
            downSince = System.currentTimeMillis();
            LOG.warn("The database is unreachable; answering 503 until it returns ({})", error.getClass().getSimpleName());
        }
    }

    /** Runs SELECT 1 through the pool; true when the database answered. */
    public boolean check() {
        try {
            transactions.executeRead(status -> jdbc.prepareStatement("SELECT 1", statement -> statement.execute()));
            lastAnsweredNanos = System.nanoTime();
            if (downSince != 0) {
                LOG.info("The database is reachable again after {} ms", System.currentTimeMillis() - downSince);
                downSince = 0;
            }
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    @Scheduled(fixedDelay = "${harbour.database.probe-interval:250ms}")
    void probe() {
        if (isDown()) {
            check();
        }
    }

    /** A failed connect or a broken link, as opposed to a busy pool or a bad statement. */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof ConnectException || t instanceof SocketException
                    || t instanceof SQLNonTransientConnectionException
                    || name.equals("CommunicationsException") || name.equals("CJCommunicationsException")) {
                return true;
            }
        }
        return false;
    }
}
