package org.harbour.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The build's training run for class data sharing (issue 20: start to healthy under 2 s). `mvn package` starts the
 * jar once with {@code -XX:ArchiveClassesAtExit=target/harbour.jsa} and {@code -Dharbour.cds-training=true}: it
 * starts as a server does, answers a few requests of the kinds every start meets (health, the dashboard, a refused
 * API call), then stops, and the JVM writes the classes it loaded into the archive as it exits. README's production
 * command reads it with {@code -XX:SharedArchiveFile=target/harbour.jsa}, so those classes are mapped, already
 * parsed and verified, instead of read from the jar and checked one by one (about 11,000 of them).
 */
public final class ClassDataTraining {

    public static final String PROPERTY = "harbour.cds-training";
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataTraining.class);

    private ClassDataTraining() {
    }

    public static boolean wanted() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Sends the started server the requests of a first minute, over a plain socket (no client classes). */
    static void exercise(ApplicationContext context) {
        int port = context.getBean(EmbeddedServer.class).getPort();
        for (String request : new String[] {"GET /health", "GET /health/live", "GET /", "GET /api/availability"}) {
            try {
                LOG.info("Training run: {} -> {}", request, statusOf(port, request));
            } catch (IOException e) {
                throw new IllegalStateException("The training run could not reach its own server: " + request, e);
            }
        }
    }

    private static String statusOf(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((request + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf('\r');
            return end < 0 ? answer : answer.substring(0, end);
        }
    }
}
