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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real jar as a child process (java -jar target/harbour.jar) on its own embedded MariaDB in a data
 * folder under target/bench, on a free port. Knows when it became healthy and how long its database took.
 */
final class HarbourProcess implements AutoCloseable {

    private static final Pattern DB_READY = Pattern.compile("Embedded MariaDB ready on port (\\d+) in (\\d+) ms");

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos;
    private long healthyNanos;

    private HarbourProcess(Process process, Path log, int port, long startedNanos) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    static HarbourProcess start(Path jar, Path dataDir, Path log, List<String> jvmArgs) throws IOException {
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
        long started = System.nanoTime();
        return new HarbourProcess(builder.start(), log, port, started);
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
                    return (healthyNanos - startedNanos) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("Harbour was not healthy within " + timeout + "; see " + log);
    }

    /** The embedded database's own start, as Harbour logged it. */
    long databaseStartMillis() throws IOException {
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

    long pid() {
        return process.pid();
    }

    /** Resident set size of the JVM (not the database), from /proc. */
    long rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    int threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
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
