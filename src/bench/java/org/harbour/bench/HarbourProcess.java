package org.harbour.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar as a child process (java -jar target/harbour.jar), on its own embedded MariaDB in a data
 * folder under target/bench or on an external one (the environment README gives), on a free port. Knows when
 * it became healthy and how long its embedded database took.
 */
final class HarbourProcess implements AutoCloseable {

    private static final Pattern DB_READY = Pattern.compile("Embedded MariaDB ready on port (\\d+) in (\\d+) ms");

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos;
    private final boolean embedded;
    private long healthyNanos;
    private long startCpuMillis;

    private HarbourProcess(Process process, Path log, int port, long startedNanos, boolean embedded) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
        this.embedded = embedded;
    }

    static HarbourProcess start(Path jar, Path dataDir, Path log, List<String> jvmArgs) throws IOException {
        return start(jar, dataDir, log, jvmArgs, Map.of());
    }

    /** environment: README's variables for an external database, or none for the embedded one. */
    static HarbourProcess start(Path jar, Path dataDir, Path log, List<String> jvmArgs, Map<String, String> environment)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HARBOUR_DATA_DIR", dataDir.toAbsolutePath().toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().remove("DATASOURCES_DEFAULT_URL");
        builder.environment().remove("HARBOUR_JWT_SECRET");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new HarbourProcess(builder.start(), log, port, started, !environment.containsKey("DATASOURCES_DEFAULT_URL"));
    }

    /** Waits for GET /health to answer 200; returns ms since the process was started. */
    long awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Harbour exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    healthyNanos = System.nanoTime();
                    startCpuMillis = cpuMillis();
                    return (healthyNanos - startedNanos) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("Harbour was not healthy within " + timeout + "; see " + log);
    }

    /**
     * CPU time (ms) the JVM had used when it was first healthy: on a busy host the wall-clock start waits for
     * the CPU, this does not (with the embedded database it includes none of mariadbd's own).
     */
    long startCpuMillis() {
        return startCpuMillis;
    }

    private long cpuMillis() {
        return javaProcesses().mapToLong(pid -> {
            try {
                String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                return 10 * (Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }).sum();
    }

    /** The embedded database's own start, as Harbour logged it; 0 on an external database (started before). */
    long databaseStartMillis() throws IOException {
        if (!embedded) {
            return 0;
        }
        Matcher m = DB_READY.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no 'Embedded MariaDB ready' line in " + log);
        }
        return Long.parseLong(m.group(2));
    }

    int databasePort() throws IOException {
        Matcher m = DB_READY.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no 'Embedded MariaDB ready' line in " + log);
        }
        return Integer.parseInt(m.group(1));
    }

    String micronautStartup() throws IOException {
        Matcher m = Pattern.compile("Startup completed in (\\d+)ms").matcher(Files.readString(log));
        return m.find() ? m.group(1) + " ms" : "?";
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /**
     * The JVM that serves: the started process, or the JVM it started if it launches one (a launcher that
     * starts the server with its own flags), so CPU is measured where the work is done.
     */
    long pid() {
        return javaProcesses().reduce((first, second) -> second).orElse(process.pid());
    }

    /** The started process and any JVM it started (never its embedded mariadbd). */
    private java.util.stream.Stream<Long> javaProcesses() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants()
                        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)))
                .map(ProcessHandle::pid);
    }

    /** Resident set size (VmRSS) of the Harbour JVM, with any JVM it launched, not the database, from /proc. */
    long rssMegabytes() {
        return javaProcesses().mapToLong(pid -> statusField(pid, "VmRSS:")).sum() / 1024;
    }

    int threads() {
        return (int) javaProcesses().mapToLong(pid -> statusField(pid, "Threads:")).sum();
    }

    /** Processes counted in the RSS: 1, or 2 when the jar launched a second JVM. */
    long jvmCount() {
        return javaProcesses().count();
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException gone) {
            // ended
        }
        return 0;
    }

    /** SIGTERM: Harbour's shutdown hook stops its MariaDB. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
