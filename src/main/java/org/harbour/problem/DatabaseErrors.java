package org.harbour.problem;

import java.sql.SQLException;

/** Reads what the database said through the layers of wrapping exceptions around it. */
public final class DatabaseErrors {

    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final String SERIALIZATION_FAILURE = "40001";

    private DatabaseErrors() {
    }

    /** A unique key refused the write (MySQL/MariaDB error 1062). */
    public static boolean isDuplicateKey(Throwable error) {
        return duplicateKey(error) != null;
    }

    /** A unique key of this name refused the write: tells which race a caller lost. */
    public static boolean isDuplicateKey(Throwable error, String keyName) {
        SQLException duplicate = duplicateKey(error);
        return duplicate != null && duplicate.getMessage() != null && duplicate.getMessage().contains(keyName);
    }

    private static SQLException duplicateKey(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Two changes crossed and the database undid ours whole: a deadlock or a Galera certification conflict (both
     * MySQL/MariaDB error 1213, SQLSTATE 40001) or a lock wait timeout (1205). Running it again may well succeed.
     */
    public static boolean isLockConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (SERIALIZATION_FAILURE.equals(sql.getSQLState())
                    || sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** The link to the database broke or could not be made (SQLSTATE class 08, the driver's communication errors). */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t.getClass().getSimpleName().equals("CommunicationsException")
                    || t.getClass().getSimpleName().equals("ConnectionException")
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
