package org.harbour.startup;

import org.harbour.testdata.SqlAt;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The distribution's MariaDB server (apt `mariadb-server`, as scaleout/MariaDbServer starts it) with its own
 * data folder under target/, a fresh port and socket, and any server options a test needs (--log-bin). Each
 * test makes its own database and accounts as root over the socket ({@link #asRoot}), so one server serves a
 * class. Stopped in {@link #close()} and by a shutdown hook.
 */
final class StartupMariaDb implements AutoCloseable {

    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final Path CLIENT = Path.of("/usr/bin/mariadb");
    /** An account with every privilege over TCP, for the tests' own reading and tampering. */
    static final String ADMIN = "startup_admin";
    static final String ADMIN_PASSWORD = "startup-admin-password-42";

    private final Process process;
    private final Path home;
    private final Path socket;
    private final int port;
    private final Thread hook;

    private StartupMariaDb(Process process, Path home, Path socket, int port) {
        this.process = process;
        this.home = home;
        this.socket = socket;
        this.port = port;
        this.hook = new Thread(this::stop, "startup-mariadb-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * A fresh server in home (wiped first), or the test stops with a clear message when mariadb-server is
     * not installed: a failure under CI (CI=true, as .ci/run sets it), a skip on a developer's machine.
     */
    static StartupMariaDb startFresh(Path home, String... serverOptions) {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL_DB) || !Files.isExecutable(CLIENT)) {
            String message = SERVER + " (or mariadb-install-db, mariadb) is missing: install the MariaDB server "
                    + "(Debian/Ubuntu: `apt-get install -y mariadb-server`; .ci/run does) to run the start-up tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + " (skipped because CI is not set)");
        }
        try {
            deleteRecursively(home);
            Path data = Files.createDirectories(home.resolve("data"));
            Path socket = Path.of(System.getProperty("java.io.tmpdir"),
                    "harbour-startup-" + ProcessHandle.current().pid() + "-" + home.getFileName() + ".sock");
            Files.deleteIfExists(socket);
            int port = freePort();
            List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data,
                    "--auth-root-authentication-method=normal", "--skip-test-db"));
            List<String> server = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                    "--socket=" + socket, "--port=" + port, "--bind-address=127.0.0.1",
                    "--pid-file=" + home.resolve("mariadbd.pid"), "--log-error=" + home.resolve("error.log"),
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--innodb-buffer-pool-size=32M", "--skip-name-resolve"));
            server.addAll(List.of(serverOptions));
            if ("root".equals(System.getProperty("user.name"))) {
                install.add("--user=root");
                server.add("--user=root"); // mariadbd refuses to run as root unless told to
            }
            run(install, home.resolve("install.log"));
            Process process = new ProcessBuilder(server).redirectErrorStream(true)
                    .redirectOutput(home.resolve("mariadbd.out").toFile()).start();
            StartupMariaDb started = new StartupMariaDb(process, home, socket, port);
            started.awaitReady();
            started.asRoot("CREATE USER '" + ADMIN + "'@'127.0.0.1' IDENTIFIED BY '" + ADMIN_PASSWORD + "';"
                    + " GRANT ALL ON *.* TO '" + ADMIN + "'@'127.0.0.1' WITH GRANT OPTION;");
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + SERVER + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?sslMode=DISABLED";
    }

    /** SQL as the administrator, on one database. */
    SqlAt sql(String database) {
        return new SqlAt(jdbcUrl(database), ADMIN, ADMIN_PASSWORD);
    }

    /** Runs statements as root over the socket (the mariadb client), e.g. to create databases and accounts. */
    void asRoot(String statements) {
        try {
            run(List.of(CLIENT.toString(), "--no-defaults", "--socket=" + socket, "-uroot", "-e", statements),
                    home.resolve("root-" + System.nanoTime() + ".log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty database and an account with the given privileges on it, over TCP from 127.0.0.1. */
    void databaseWithAccount(String database, String user, String password, String privileges) {
        asRoot("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + " CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
                + " GRANT " + privileges + " ON `" + database + "`.* TO '" + user + "'@'127.0.0.1';");
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("mariadbd did not start; see " + home.resolve("error.log"));
            }
            sleep(100);
        }
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

    static int freePort() throws IOException {
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
