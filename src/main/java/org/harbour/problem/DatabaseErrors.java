package org.harbour.problem;

import java.sql.SQLException;

/** Reads what the database said through the layers of wrapping exceptions around it. */
public final class DatabaseErrors {

    private static final int DUPLICATE_KEY = 1062;

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
}
