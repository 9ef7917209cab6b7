package org.harbour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The external database of a deployment (issue 20): the distribution's MariaDB (apt mariadb-server,
 * /usr/sbin/mariadbd, 10.11 on Debian 12) started by the bench as a plain process with its own data folder,
 * socket and port, as the scale-out test starts it (src/test/java/org/harbour/scaleout/MariaDbServer), with
 * the server's own defaults otherwise (a 128 MB buffer pool). Harbour reaches it over TCP as an ordinary
 * account with a password; the bench itself connects as a second account that may read the server's status.
 */
final class ExternalMariaDb implements AutoCloseable {

    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final Path CLIENT = Path.of("/usr/bin/mariadb");
    private static final String USER = "harbour";
    private static final String PASSWORD = "bench-external-password";

    private final Process process;
    private final int port;
    private final String version;
    private final Thread hook;

    private ExternalMariaDb(Process process, int port, String version) {
        this.process = process;
        this.port = port;
        this.version = version;
        this.hook = new Thread(this::stop, "bench-mariadb-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static boolean installed() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL_DB) && Files.isExecutable(CLIENT);
    }

    /** A fresh server in home (deleted first) with an empty database "harbour". */
    static ExternalMariaDb startFresh(Path home) throws IOException, InterruptedException {
        deleteTree(home);
        Path data = Files.createDirectories(home.resolve("data"));
        Path socket = Path.of(System.getProperty("java.io.tmpdir"), "harbour-bench-" + ProcessHandle.current().pid() + ".sock");
        Files.deleteIfExists(socket);
        int port = HarbourProcess.freePort();
        List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        List<String> server = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                "--socket=" + socket, "--port=" + port, "--bind-address=127.0.0.1",
                "--pid-file=" + home.resolve("mariadbd.pid"), "--log-error=" + home.resolve("error.log"),
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--max-connections=300", "--skip-name-resolve"));
        if ("root".equals(System.getProperty("user.name"))) {
            install.add("--user=root");
            server.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        run(install, home.resolve("install.log"));
        Process process = new ProcessBuilder(server).redirectErrorStream(true)
                .redirectOutput(home.resolve("mariadbd.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("mariadbd did not start; see " + home.resolve("error.log"));
            }
            Thread.sleep(100);
        }
        try {
            setUp(socket, home);
        } catch (IOException | RuntimeException e) {
            process.destroy();
            throw e;
        }
        Process versionQuery = new ProcessBuilder(CLIENT.toString(), "--no-defaults", "--socket=" + socket, "-uroot",
                "-N", "-e", "SELECT VERSION()").redirectErrorStream(true).start();
        String version = new String(versionQuery.getInputStream().readAllBytes()).trim();
        versionQuery.waitFor();
        return new ExternalMariaDb(process, port, version);
    }

    /** The database, Harbour's account with a password, and the bench's own, made as root over the socket. */
    private static void setUp(Path socket, Path home) throws IOException, InterruptedException {
        run(List.of(CLIENT.toString(), "--no-defaults", "--socket=" + socket, "-uroot", "-e",
                "CREATE DATABASE harbour CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                        + " CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                        + " GRANT ALL ON harbour.* TO '" + USER + "'@'127.0.0.1';"
                        // the bench's own account: seeding, SHOW GLOBAL STATUS, SHOW ENGINE INNODB STATUS
                        + " CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';"
                        + " GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"), home.resolve("setup.log"));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String version() {
        return version;
    }

    /**
     * README's environment for an external database (section "Running"): URL, account, a JWT secret; demo data
     * on, because the bench signs in as the demo users (this is the bench's own database, never a real one).
     */
    Map<String, String> harbourEnvironment() {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        return Map.of("DATASOURCES_DEFAULT_URL", "jdbc:mysql://127.0.0.1:" + port + "/harbour",
                "DATASOURCES_DEFAULT_USERNAME", USER,
                "DATASOURCES_DEFAULT_PASSWORD", PASSWORD,
                "HARBOUR_JWT_SECRET", Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                "HARBOUR_DEMO", "true");
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

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed; see " + log + ":\n" + Files.readString(log));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
