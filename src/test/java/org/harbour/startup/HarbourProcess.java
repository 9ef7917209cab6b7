package org.harbour.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Harbour started as the jar starts it: a child JVM running org.harbour.Application's main with only the
 * environment API.md "Running" names, on the main classes and their dependencies (not the test classes),
 * so what it prints, where, and its exit status are what an operator gets.
 */
final class HarbourProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private HarbourProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    /** Starts Harbour with this environment (plus a free MICRONAUT_SERVER_PORT); output goes to files in folder. */
    static HarbourProcess start(Path folder, Map<String, String> environment) {
        try {
            Files.createDirectories(folder);
            int port = StartupMariaDb.freePort();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", mainClassPath(), "org.harbour.Application");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(folder.resolve("stdout.log").toFile())
                    .redirectError(folder.resolve("stderr.log").toFile());
            // nothing from the test JVM's own environment decides the start
            builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("HARBOUR_")
                    || name.startsWith("MICRONAUT_") || name.startsWith("JAVA_TOOL_OPTIONS"));
            builder.environment().put("HARBOUR_DATA_DIR", folder.resolve("data").toString());
            builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
            builder.environment().putAll(environment);
            return new HarbourProcess(builder.start(), folder.resolve("stdout.log"), folder.resolve("stderr.log"), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end; its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Harbour did not stop within " + timeout + " after a failed start; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits for GET /health to answer 200. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Harbour exited with " + process.exitValue() + "; output:\n" + output());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Harbour was not healthy within " + timeout + "; output:\n" + output());
    }

    /** Everything written to standard output and standard error. */
    String output() {
        try {
            return Files.readString(stdout) + Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String standardError() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard output, one JSON log event a line (logback.xml); a line that is not JSON fails the test. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(stdout)) {
                if (!line.isBlank()) {
                    try {
                        events.add(JSON.readTree(line));
                    } catch (IOException notJson) {
                        throw new AssertionError("A line of output is not a log event: " + line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the shutdown hooks run
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** target/classes and the dependencies (the test JVM's class path), without the test classes. */
    static String mainClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
