package org.harbour.problem;

/**
 * Exceptions for the log without their messages: a driver's or a library's message may quote the
 * data it choked on ("Incorrect string value ... for column 'alias'"), and privacy rule 5 allows no
 * personal data in logs. Class names and stack frames stay, which is what finding the bug needs.
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static Throwable withoutMessages(Throwable error) {
        if (error == null) {
            return null;
        }
        String what = error.getClass().getName();
        if (error instanceof java.sql.SQLException sql) {
            what += " (SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode() + ")";
        }
        Throwable cause = error.getCause() == error ? null : withoutMessages(error.getCause());
        Throwable redacted = new Redacted(what, cause);
        redacted.setStackTrace(error.getStackTrace());
        return redacted;
    }

    /** Stands in for the original exception: its class name as message, its frames, its causes. */
    static final class Redacted extends RuntimeException {
        Redacted(String originalClass, Throwable cause) {
            super(originalClass, cause, false, true);
        }
    }
}
