package org.harbour.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs once Flyway has validated the history and before it applies the first pending migration: reads
 * what the pending migrations ask of the account (privileges, triggers under binary logging) and what the
 * server and SHOW GRANTS allow, and stops the start with one line naming the fix when they do not fit
 * (MigrationRequirements). Nothing is applied then, so the fix and a restart are all it takes.
 */
final class MigrationPreflight implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationPreflight.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        List<PendingMigration> pending = pending(context.getConfiguration());
        if (pending.isEmpty()) {
            return;
        }
        try {
            Connection connection = context.getConnection();
            String schema = "";
            String account = "";
            String version = "";
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT DATABASE(), CURRENT_USER(), VERSION()")) {
                if (rs.next()) {
                    schema = String.valueOf(rs.getString(1));
                    account = quoted(rs.getString(2));
                    version = String.valueOf(rs.getString(3));
                }
            }
            List<String> problems = MigrationRequirements.problems(pending, binaryLogging(connection),
                    grants(connection, schema, version.contains("MariaDB")), account, schema);
            if (!problems.isEmpty()) {
                throw new StartupFailure(String.join("; also ", problems));
            }
            LOG.info("{} pending migrations (V{} to V{}); this account and server can apply them", pending.size(),
                    pending.get(0).version(), pending.get(pending.size() - 1).version());
        } catch (SQLException e) {
            // the checks are a courtesy: if the server will not answer them, the migrations meet the real refusal
            LOG.warn("Could not check the pending migrations against the account ({}); migrating anyway",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public String getCallbackName() {
        return "harbour-migration-preflight";
    }

    private static List<PendingMigration> pending(Configuration configuration) {
        MigrationInfo[] pending = Flyway.configure(configuration.getClassLoader()).configuration(configuration).load()
                .info().pending();
        List<PendingMigration> migrations = new ArrayList<>();
        for (MigrationInfo info : pending) {
            if (info.getVersion() != null) {
                migrations.add(PendingMigration.of(info.getVersion().getVersion(), script(configuration, info.getScript())));
            }
        }
        return migrations;
    }

    /** The script's text from the first location that has it; empty (nothing known) when none does. */
    private static String script(Configuration configuration, String name) {
        try {
            for (Location location : configuration.getLocations()) {
                if (location.isClassPath()) {
                    URL resource = configuration.getClassLoader().getResource(location.getRootPath() + "/" + name);
                    if (resource != null) {
                        try (InputStream in = resource.openStream()) {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                } else if (location.isFileSystem()) {
                    Path file = Path.of(location.getRootPath(), name);
                    if (Files.isRegularFile(file)) {
                        return Files.readString(file, StandardCharsets.UTF_8);
                    }
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MigrationRequirements.BinaryLogging binaryLogging(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@log_bin, @@log_bin_trust_function_creators")) {
            rs.next();
            return new MigrationRequirements.BinaryLogging(rs.getInt(1) != 0, rs.getInt(2) != 0);
        } catch (SQLException unknownVariable) {
            return new MigrationRequirements.BinaryLogging(false, true);
        }
    }

    private static AccountGrants grants(Connection connection, String schema, boolean mariaDb) {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return AccountGrants.parse(lines, schema, mariaDb);
        } catch (SQLException notAllowed) {
            return AccountGrants.unknown();
        }
    }

    /** CURRENT_USER() is user@host; GRANT wants 'user'@'host'. */
    private static String quoted(String currentUser) {
        if (currentUser == null) {
            return "the account";
        }
        int at = currentUser.lastIndexOf('@');
        return at < 0 ? "'" + currentUser + "'" : "'" + currentUser.substring(0, at) + "'@'" + currentUser.substring(at + 1) + "'";
    }
}
