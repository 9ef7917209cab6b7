package org.harbour.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a test cluster: the distribution's mariadbd with the Galera provider, its own data folder under
 * target/, its own ports (SQL, group communication, incremental and full state transfer) and socket. It can be
 * killed outright (SIGKILL) and started again on the same data folder, as an operator restarts a crashed node.
 */
final class GaleraNode {

    static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final Path CLIENT = Path.of("/usr/bin/mariadb");
    static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    static final Path RSYNC = Path.of("/usr/bin/rsync");
    /** The state transfer runs an rsync daemon that, under root, reads and writes as nobody (see {@link #owner()}). */
    static final String UNPRIVILEGED = "nobody";
    private static final Pattern RECOVERED = Pattern.compile("WSREP: Recovered position: ([0-9a-f-]+:-?[0-9]+)");

    private final int number;
    private final Path home;
    private final Ports ports;
    private final String clusterAddress;
    private final String donor;
    private Process process;
    private long restartedAt;

    /** The ports of one node: clients, group communication, incremental state transfer, full state transfer. */
    record Ports(int sql, int group, int ist, int sst) {
    }

    GaleraNode(int number, Path home, Ports ports, String clusterAddress, String donor) {
        this.number = number;
        this.home = home;
        this.ports = ports;
        this.clusterAddress = clusterAddress;
        this.donor = donor;
    }

    int number() {
        return number;
    }

    int port() {
        return ports.sql();
    }

    String hostAndPort() {
        return "127.0.0.1:" + ports.sql();
    }

    Path socket() {
        return Path.of(System.getProperty("java.io.tmpdir"), "harbour-galera-" + ProcessHandle.current().pid() + "-" + number + ".sock");
    }

    /** A fresh data folder (mariadb-install-db), owned by the account mariadbd will run as. */
    void install() throws IOException {
        Files.createDirectories(home.resolve("data"));
        List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + home.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        owner().ifPresent(user -> install.add("--user=" + user));
        run(install, home.resolve("install.log"));
        if (owner().isPresent()) {
            // logs, pid file and the state transfer's work files live here too
            run(List.of("chown", "-R", UNPRIVILEGED + ":", home.toString()), home.resolve("chown.log"));
        }
    }

    /** Starts mariadbd on this node's data folder; the first node of a new cluster bootstraps it. */
    void start(boolean newCluster) throws IOException {
        List<String> command = serverCommand(home.resolve("error.log"));
        if (newCluster) {
            command.add("--wsrep-new-cluster");
        }
        launch(command);
    }

    /**
     * Starts a node that crashed on its old data, as the distribution's service does (galera_recovery): first
     * mariadbd --wsrep-recover reads from InnoDB how far the node had got, then the node starts from there, so it
     * needs only the writes it missed (an incremental state transfer, which does not stop the donor) rather than
     * a copy of everything (a full rsync transfer, during which the donor takes no writes).
     */
    void restartAfterCrash() throws IOException, InterruptedException {
        Path recoverLog = home.resolve("recover.log");
        Files.deleteIfExists(recoverLog);
        List<String> recover = serverCommand(recoverLog);
        recover.add("--wsrep-recover");
        Process recovering = new ProcessBuilder(recover).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("mariadbd.out").toFile())).start();
        if (!recovering.waitFor(120, TimeUnit.SECONDS)) {
            recovering.destroyForcibly();
            throw new IllegalStateException("mariadbd --wsrep-recover did not finish; see " + recoverLog);
        }
        Matcher position = RECOVERED.matcher(Files.readString(recoverLog));
        String recovered = null;
        while (position.find()) {
            recovered = position.group(1);
        }
        restartedAt = Files.exists(errorLog()) ? Files.size(errorLog()) : 0;
        List<String> command = serverCommand(home.resolve("error.log"));
        if (recovered != null) {
            command.add("--wsrep-start-position=" + recovered);
        }
        launch(command);
    }

    private List<String> serverCommand(Path errorLog) throws IOException {
        Files.deleteIfExists(socket());
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults",
                "--datadir=" + home.resolve("data"), "--socket=" + socket(), "--port=" + ports.sql(),
                "--bind-address=127.0.0.1", "--pid-file=" + home.resolve("mariadbd.pid"),
                "--log-error=" + errorLog,
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--innodb-buffer-pool-size=64M", "--max-connections=300", "--skip-name-resolve",
                // as a production cluster has it: binary logging on (so triggers need the next setting), row format
                "--log-bin=harbour-bin", "--binlog-format=ROW", "--log-bin-trust-function-creators=1",
                "--innodb-autoinc-lock-mode=2", "--innodb-flush-log-at-trx-commit=2",
                "--wsrep-on=ON", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-name=harbour-test",
                "--wsrep-cluster-address=" + clusterAddress,
                "--wsrep-node-name=node" + number, "--wsrep-node-address=127.0.0.1:" + ports.group(),
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + ports.group()
                        + ";ist.recv_addr=127.0.0.1:" + ports.ist(),
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + ports.sst(),
                // a full transfer stops its donor's writes: take it from the node written through last (the last
                // host of the URL), any other if that one cannot give it
                "--wsrep-sst-donor=" + donor + ","));
        owner().ifPresent(user -> command.add("--user=" + user));
        return command;
    }

    private void launch(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("mariadbd.out").toFile())).start();
    }

    /** SIGKILL: no shutdown, no goodbye to the other nodes, as a crash or a pulled plug. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Waits until this node has joined the cluster and caught up (wsrep_local_state_comment Synced). */
    void awaitSynced(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"Synced".equals(status("wsrep_local_state_comment"))) {
            if (!isRunning()) {
                throw new IllegalStateException("node" + number + " stopped; see " + home.resolve("error.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node" + number + " not Synced within " + timeout + "; see " + home.resolve("error.log"));
            }
            Thread.sleep(100);
        }
    }

    /** A status variable read as root over the socket, or null while the node does not answer. */
    String status(String name) {
        try (Connection connection = root(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : null;
        } catch (SQLException notUp) {
            return null;
        }
    }

    long statusNumber(String statusName) {
        String value = status(statusName);
        return value == null ? -1 : Long.parseLong(value);
    }

    /** Runs SQL as root over the socket with the command-line client (there is no root over TCP). */
    void rootSql(String sql) throws IOException {
        run(List.of(CLIENT.toString(), "--no-defaults", "--socket=" + socket(), "-uroot", "-e", sql), home.resolve("setup.log"));
    }

    private Connection root() throws SQLException {
        // root@localhost has no password and answers only on the socket, which JDBC cannot use; the status
        // variables are readable by any account, so the test's own account asks over TCP
        return DriverManager.getConnection("jdbc:mysql://" + hostAndPort() + "/?sslMode=DISABLED&connectTimeout=1000&socketTimeout=5000",
                GaleraCluster.USER, GaleraCluster.PASSWORD);
    }

    void stop() {
        if (process != null && process.isAlive()) {
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

    /** How the node caught up after its last restart: "full (SST)" or "incremental (IST)", from its error log. */
    String stateTransfer() throws IOException {
        String log = Files.readString(errorLog());
        String since = log.substring((int) Math.min(restartedAt, log.length()));
        // the rsync script runs for both kinds and says which
        return since.contains("SST completed on joiner") ? "full (SST)" : since.contains("IST completed on joiner") ? "incremental (IST)" : "none";
    }

    Path errorLog() {
        return home.resolve("error.log");
    }

    /**
     * Under root, mariadbd runs as nobody: the rsync daemon of a state transfer drops to nobody when started by root,
     * and must read and write every file of the data folder, those mariadbd makes later included (a data folder
     * made readable only at install time fails the transfer of a node rejoining with its old data: Permission denied,
     * then chgrp refused). Otherwise it runs as whoever runs the test.
     */
    static java.util.Optional<String> owner() {
        return "root".equals(System.getProperty("user.name")) ? java.util.Optional.of(UNPRIVILEGED) : java.util.Optional.empty();
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
}
