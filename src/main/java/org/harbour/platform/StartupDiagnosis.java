package org.harbour.platform;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

import javax.net.ssl.SSLException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts why a start failed into one line for the operator: database unreachable, credentials refused,
 * database missing, privilege missing, binary logging in the way of a migration, migration history not
 * matching, port taken. The line is built from facts (error codes, the configured hosts and user name,
 * migration versions, privilege and table names), never by echoing a message whole, so it can go to
 * the log unredacted: it holds no password and no personal data.
 */
public final class StartupDiagnosis {

    public static final String PREFIX = "Harbour cannot start: ";

    // MariaDB / MySQL server error codes (the same numbers in both)
    static final int TOO_MANY_CONNECTIONS = 1040;
    static final int DATABASE_ACCESS_DENIED = 1044;
    static final int ACCESS_DENIED = 1045;
    static final int UNKNOWN_DATABASE = 1049;
    static final int HOST_NOT_ALLOWED = 1130;
    static final int TABLE_ACCESS_DENIED = 1142;
    static final int COLUMN_ACCESS_DENIED = 1143;
    static final int SPECIFIC_ACCESS_DENIED = 1227;
    static final int BINLOG_UNSAFE_ROUTINE = 1419;

    private static final Pattern ACCOUNT = Pattern.compile("user '([^']*)'@'([^']*)'");
    private static final Pattern COMMAND_DENIED = Pattern.compile(
            "^([A-Z][A-Z ]*?) command denied to user '[^']*'@'[^']*' for (?:table|column) (\\S+)");
    private static final Pattern NEEDED_PRIVILEGE = Pattern.compile("need (?:\\(at least one of\\) )?the ([A-Z_ ,]+?) privilege");
    private static final Pattern CHECKSUM = Pattern.compile(
            "checksum mismatch for migration version (\\d+(?:\\.\\d+)*)\\s*-> Applied to database : (-?\\d+)\\s*-> Resolved locally\\s*: (-?\\d+)");
    private static final Pattern DESCRIPTION = Pattern.compile("description mismatch for migration version (\\d+(?:\\.\\d+)*)");
    private static final Pattern FAILED = Pattern.compile("failed migration to version (\\d+(?:\\.\\d+)*)");
    private static final Pattern NOT_RESOLVED = Pattern.compile("applied migration not resolved locally: (\\d+(?:\\.\\d+)*)");
    private static final Pattern NOT_APPLIED = Pattern.compile("resolved migration not applied to database: (\\d+(?:\\.\\d+)*)");
    private static final String DEBUG_HINT = "HARBOUR_LOG_LEVEL=DEBUG logs its stack trace (without messages)";
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5})\\b");

    private StartupDiagnosis() {
    }

    /** The line the operator reads: "Harbour cannot start: " and the cause. */
    public static String line(Throwable error, DatabaseTarget target) {
        return PREFIX + cause(error, target);
    }

    static String cause(Throwable error, DatabaseTarget target) {
        List<Throwable> chain = chain(error);
        for (Throwable t : chain) {
            if (t instanceof StartupFailure verdict) {
                return verdict.getMessage();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof FlywayValidateException) {
                return history(String.valueOf(t.getMessage()));
            }
        }
        String migration = failedMigration(chain);
        String database = databaseCause(chain, target);
        if (migration != null) {
            return "migration V" + migration + " failed: " + (database != null ? database : unexpected(chain))
                    + "; flyway_schema_history now marks V" + migration + " failed: once that is fixed, undo whatever part"
                    + " of V" + migration + " was applied, delete that row (DELETE FROM flyway_schema_history WHERE version = '"
                    + migration + "' AND success = 0) and start again";
        }
        if (database != null) {
            return database;
        }
        for (Throwable t : chain) {
            if (t instanceof BindException) {
                return portInUse(chain);
            }
        }
        return unexpected(chain);
    }

    /** A database refusal or an unreachable database, or null when the chain holds neither. */
    private static String databaseCause(List<Throwable> chain, DatabaseTarget target) {
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                String known = serverError(sql, target);
                if (known != null) {
                    return known;
                }
            }
        }
        for (Throwable t : chain) {
            if (String.valueOf(t.getMessage()).contains("Public Key Retrieval is not allowed")) {
                return "the database at " + target.where() + " wants the password sent encrypted (MySQL 8's caching_sha2_password)"
                        + " and the connection has no TLS; add allowPublicKeyRetrieval=true to DATASOURCES_DEFAULT_URL, or use TLS";
            }
        }
        String unreachable = unreachable(chain);
        if (unreachable != null) {
            return "the database at " + target.where() + " is unreachable (" + unreachable + "); check the host and port in "
                    + "DATASOURCES_DEFAULT_URL and that the server is running and accepts TCP connections from this machine";
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql) {
                return "the database at " + target.where() + " answered " + describe(sql) + " while Harbour was starting; "
                        + DEBUG_HINT;
            }
        }
        return null;
    }

    private static String serverError(SQLException sql, DatabaseTarget target) {
        String message = String.valueOf(sql.getMessage());
        return switch (sql.getErrorCode()) {
            case ACCESS_DENIED -> "the database at " + target.where() + " refused the credentials of " + account(message, target)
                    + " (wrong password, or no such account for this client host); check DATASOURCES_DEFAULT_USERNAME and"
                    + " DATASOURCES_DEFAULT_PASSWORD";
            case HOST_NOT_ALLOWED -> "the database at " + target.where() + " does not let this machine connect (no account for"
                    + " this client host); create the account for this host, or check DATASOURCES_DEFAULT_URL";
            case UNKNOWN_DATABASE -> "database `" + target.database() + "` does not exist on " + target.where()
                    + "; create it (CREATE DATABASE `" + target.database() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci)"
                    + " or correct the database name in DATASOURCES_DEFAULT_URL";
            case DATABASE_ACCESS_DENIED -> account(message, target) + " may not use database `" + target.database() + "` on "
                    + target.where() + ": it does not exist, or the account has no privileges on it; create it"
                    + " (CREATE DATABASE `" + target.database() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci) and grant"
                    + " them (GRANT ALL ON `" + target.database() + "`.* TO " + account(message, target) + "), or correct"
                    + " DATASOURCES_DEFAULT_URL";
            case TABLE_ACCESS_DENIED, COLUMN_ACCESS_DENIED -> commandDenied(message, target);
            case SPECIFIC_ACCESS_DENIED -> {
                Matcher m = NEEDED_PRIVILEGE.matcher(message);
                yield "missing privilege: " + account(message, target) + " lacks "
                        + (m.find() ? m.group(1).trim() : "a global privilege") + ", which this step needs";
            }
            case BINLOG_UNSAFE_ROUTINE -> MigrationRequirements.binaryLoggingCause(List.of());
            case TOO_MANY_CONNECTIONS -> "the database at " + target.where() + " refuses new connections (too many"
                    + " connections); raise its max_connections or lower HARBOUR_DATABASE_POOL_SIZE of the instances";
            default -> null;
        };
    }

    private static String commandDenied(String message, DatabaseTarget target) {
        Matcher m = COMMAND_DENIED.matcher(message);
        if (!m.find()) {
            return "missing privilege: " + account(message, target) + " was refused a statement (error "
                    + TABLE_ACCESS_DENIED + ")";
        }
        String privilege = m.group(1).trim();
        return "missing privilege: " + account(message, target) + " lacks " + privilege + " on " + m.group(2)
                + "; grant it (GRANT " + privilege + " ON `" + target.database() + "`.* TO " + account(message, target) + ")";
    }

    /** 'user'@'host' as the server named it, or the configured user name. */
    private static String account(String message, DatabaseTarget target) {
        Matcher m = ACCOUNT.matcher(message);
        return m.find() ? "'" + m.group(1) + "'@'" + m.group(2) + "'" : "user '" + target.username() + "'";
    }

    private static String unreachable(List<Throwable> chain) {
        boolean communications = false;
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof SSLException) {
                return "the TLS handshake failed; check sslMode in DATASOURCES_DEFAULT_URL";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within the connect timeout";
            }
            String name = t.getClass().getSimpleName();
            communications |= name.equals("CommunicationsException") || name.equals("CJCommunicationsException");
        }
        return communications ? "the connection failed" : null;
    }

    /** Validation of the migration history against this build's migrations failed. */
    static String history(String message) {
        Matcher checksum = CHECKSUM.matcher(message);
        if (checksum.find()) {
            String v = checksum.group(1);
            return "migration checksum mismatch for V" + v + ": the database applied it with checksum " + checksum.group(2)
                    + " but this Harbour's V" + v + " has checksum " + checksum.group(3) + " (a landed migration was edited, or"
                    + " flyway_schema_history was changed); run the release that applied it, or, if the difference is known to"
                    + " be harmless, UPDATE flyway_schema_history SET checksum = " + checksum.group(3) + " WHERE version = '" + v + "'";
        }
        Matcher failed = FAILED.matcher(message);
        if (failed.find()) {
            String v = failed.group(1);
            return "migration V" + v + " failed in an earlier start and flyway_schema_history marks it failed; undo whatever"
                    + " part of it was applied, delete that row (DELETE FROM flyway_schema_history WHERE version = '" + v
                    + "' AND success = 0) and start again";
        }
        Matcher description = DESCRIPTION.matcher(message);
        if (description.find()) {
            return "migration V" + description.group(1) + " in flyway_schema_history has another description than this"
                    + " Harbour's (a landed migration was renamed); run the release that applied it";
        }
        Matcher notResolved = NOT_RESOLVED.matcher(message);
        if (notResolved.find()) {
            return "the database has migration V" + notResolved.group(1) + ", which this Harbour does not know: a newer"
                    + " release migrated it; run that release or a later one (Harbour does not migrate backwards)";
        }
        Matcher notApplied = NOT_APPLIED.matcher(message);
        if (notApplied.find()) {
            return "migration V" + notApplied.group(1) + " of this Harbour was never applied although later ones were: the"
                    + " database was migrated by another build; run the release that migrated it";
        }
        return "the database's migration history (flyway_schema_history) does not match this Harbour's migrations";
    }

    private static String failedMigration(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof FlywayMigrateException migrate) {
                MigrationInfo info = migrate.getMigration();
                if (info != null && info.getVersion() != null) {
                    return info.getVersion().getVersion();
                }
            }
        }
        return null;
    }

    private static String portInUse(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t.getClass().getSimpleName().equals("ServerStartupException")) {
                Matcher m = PORT.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    return "port " + m.group(1) + " is already in use; stop what listens there or set MICRONAUT_SERVER_PORT";
                }
            }
        }
        return "the HTTP port is already in use; stop what listens there or set MICRONAUT_SERVER_PORT";
    }

    /** Nothing we know: the classes along the chain (never their messages) and where to look further. */
    private static String unexpected(List<Throwable> chain) {
        List<String> names = new ArrayList<>();
        for (Throwable t : chain) {
            if (t.getClass().getName().startsWith("io.micronaut.context.exceptions.") && t.getCause() != null) {
                continue; // "could not create bean X": the wrapping says nothing the rest does not
            }
            names.add(t instanceof SQLException sql ? t.getClass().getSimpleName() + " (" + describe(sql) + ")"
                    : t.getClass().getSimpleName());
        }
        return "unexpected error " + String.join(" < ", names) + "; " + DEBUG_HINT;
    }

    private static String describe(SQLException sql) {
        return "error " + sql.getErrorCode() + ", SQLState " + sql.getSQLState();
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
