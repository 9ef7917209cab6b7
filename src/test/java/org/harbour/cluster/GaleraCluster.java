package org.harbour.cluster;

import org.harbour.testdata.SqlAt;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A MariaDB Galera cluster on loopback ports, as an operator would run one (Debian's mariadb-server and galera-4,
 * rsync state transfer), each node with its own data folder under target/. The database and an ordinary account
 * with a password are made on the first node and replicated. Stopped in {@link #close()} and by a shutdown hook.
 */
final class GaleraCluster implements AutoCloseable {

    static final String DATABASE = "harbour";
    static final String USER = "harbour";
    static final String PASSWORD = "cluster-test-password";
    static final Duration JOIN = Duration.ofSeconds(120);

    private final List<GaleraNode> nodes;
    private final Thread hook;
    private long startMillis;

    private GaleraCluster(List<GaleraNode> nodes) {
        this.nodes = nodes;
        this.hook = new Thread(this::stopAll, "galera-cluster-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a fresh cluster of the given size, or stops the test with a clear message when the packages are
     * missing: a failure under CI (CI=true, as .ci/run sets it), a skip on a developer's machine.
     */
    static GaleraCluster start(Path home, int size) {
        requirePackages();
        long started = System.nanoTime();
        GaleraCluster cluster = null;
        try {
            deleteRecursively(home);
            List<GaleraNode.Ports> ports = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ports.add(new GaleraNode.Ports(freePort(), freePort(), freePort(), freePort()));
            }
            String address = "gcomm://" + ports.stream().map(p -> "127.0.0.1:" + p.group()).collect(Collectors.joining(","));
            List<GaleraNode> nodes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                // the last node gives state transfers; the last but one gives the last its own
                String donor = "node" + (i + 1 == size ? size - 1 : size);
                nodes.add(new GaleraNode(i + 1, home.resolve("node" + (i + 1)), ports.get(i), address, donor));
            }
            cluster = new GaleraCluster(nodes);
            for (GaleraNode node : nodes) {
                node.install();
            }
            GaleraNode first = nodes.get(0);
            first.start(true);
            awaitRootSql(first, "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + " CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';"
                    + " GRANT ALL ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';");
            first.awaitSynced(JOIN);
            // one at a time: each joiner takes a full state transfer (rsync) from a node already in
            for (GaleraNode node : nodes.subList(1, size)) {
                node.start(false);
                node.awaitSynced(JOIN);
            }
            cluster.startMillis = (System.nanoTime() - started) / 1_000_000;
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The Galera cluster did not start: " + e.getMessage(), e);
        }
    }

    /** How long the cluster took to start: every node Synced. */
    long startMillis() {
        return startMillis;
    }

    GaleraNode node(int number) {
        return nodes.get(number - 1);
    }

    /** Connector/J's failover syntax over every node, first node first: DATASOURCES_DEFAULT_URL as an operator writes it. */
    String failoverUrl() {
        return "jdbc:mysql://" + nodes.stream().map(GaleraNode::hostAndPort).collect(Collectors.joining(","))
                + "/" + DATABASE + "?sslMode=DISABLED";
    }

    /** One node only. */
    String urlOf(int number) {
        return "jdbc:mysql://" + node(number).hostAndPort() + "/" + DATABASE + "?sslMode=DISABLED";
    }

    /**
     * Reads through one node, after it has applied everything the cluster committed before the read
     * (wsrep_sync_wait): what the test checks is what every node holds.
     */
    SqlAt sqlAt(int number) {
        return new SqlAt(urlOf(number) + "&sessionVariables=wsrep_sync_wait=1", USER, PASSWORD);
    }

    String version() {
        return sqlAt(1).rows("SELECT VERSION() AS v").get(0).get("v").toString();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private void stopAll() {
        // the last node first: a node that leaves cleanly is no crash to the others
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }

    private static void awaitRootSql(GaleraNode node, String sql) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + JOIN.toNanos();
        while (!Files.exists(node.socket())) {
            if (!node.isRunning() || System.nanoTime() > deadline) {
                throw new IllegalStateException("node" + node.number() + " did not start; see " + node.errorLog()
                        + ":\n" + tail(node.errorLog()));
            }
            Thread.sleep(100);
        }
        node.rootSql(sql);
    }

    private static void requirePackages() {
        List<Path> needed = List.of(GaleraNode.SERVER, GaleraNode.INSTALL_DB, GaleraNode.CLIENT, GaleraNode.RSYNC);
        boolean present = needed.stream().allMatch(Files::isExecutable) && Files.exists(GaleraNode.PROVIDER);
        if (present) {
            return;
        }
        String message = "MariaDB Galera is missing (" + GaleraNode.SERVER + ", " + GaleraNode.PROVIDER + ", " + GaleraNode.RSYNC
                + "): install it (Debian/Ubuntu: `apt-get install -y mariadb-server galera-4 rsync`; .ci/run does)"
                + " to run the cluster test";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        System.err.println("SKIPPED: " + message + " (CI is not set; under CI=true this fails)");
        Assumptions.abort(message + " (skipped because CI is not set)");
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
