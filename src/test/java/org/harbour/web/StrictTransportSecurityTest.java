package org.harbour.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HSTS only when the browser came over HTTPS: to Harbour's own TLS port, or through a trusted proxy that says
 * X-Forwarded-Proto: https. Never over plain http, whatever an untrusted caller claims. This instance trusts
 * 10.0.0.0/8 only, then the test's own 127.0.0.1 in a second instance; a third serves TLS itself.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictTransportSecurityTest implements HarbourTest {

    static final String HSTS = "Strict-Transport-Security";
    static final String KEYSTORE_PASSWORD = "test-keystore-password";

    @Inject
    EmbeddedServer untrusting;

    Path keystore;
    EmbeddedServer behindProxy;
    EmbeddedServer tls;
    HttpClient tlsClient;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("harbour.security.trusted-proxies", "10.0.0.0/8");
        return properties;
    }

    @BeforeAll
    void startTheOtherInstances() throws Exception {
        behindProxy = ApplicationContext.run(EmbeddedServer.class, new HashMap<String, Object>(
                TestDatabase.properties(Map.of("harbour.security.trusted-proxies", "127.0.0.0/8,::1/128"))));

        keystore = selfSignedKeystore();
        tls = ApplicationContext.run(EmbeddedServer.class, new HashMap<String, Object>(TestDatabase.properties(Map.of(
                "micronaut.server.ssl.enabled", "true",
                "micronaut.server.ssl.port", "-1",
                "micronaut.server.ssl.key-store.path", "file:" + keystore,
                "micronaut.server.ssl.key-store.password", KEYSTORE_PASSWORD,
                "micronaut.server.ssl.key-store.type", "PKCS12"))));
        tlsClient = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stopThem() throws Exception {
        for (EmbeddedServer server : new EmbeddedServer[] {behindProxy, tls}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
        if (keystore != null) {
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(keystore.getParent());
        }
    }

    @Test
    void overPlainHttpThereIsNoHstsWhateverAnUntrustedCallerClaims() throws Exception {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("X-Forwarded-Proto", "https"))) {
            for (String path : List.of("/", "/health", "/api/availability")) {
                assertThat(hsts(HttpClient.newHttpClient(), untrusting.getURI(), path, headers)).as(path + " " + headers).isEmpty();
            }
        }
    }

    @Test
    void behindATrustedProxyHstsFollowsWhatTheProxySays() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/", "/health", "/api/availability")) {
            assertThat(hsts(client, behindProxy.getURI(), path, Map.of("X-Forwarded-Proto", "https")))
                    .as(path).contains("max-age=31536000");
            // the client may prepend anything: the proxy's own (last) word counts
            assertThat(hsts(client, behindProxy.getURI(), path, Map.of("X-Forwarded-Proto", "https, http"))).isEmpty();
            assertThat(hsts(client, behindProxy.getURI(), path, Map.of("X-Forwarded-Proto", "http"))).isEmpty();
            assertThat(hsts(client, behindProxy.getURI(), path, Map.of())).isEmpty();
        }
    }

    @Test
    void servedOverTlsDirectlyEveryAnswerCarriesHsts() throws Exception {
        URI base = tls.getURI();
        assertThat(base.getScheme()).isEqualTo("https");
        for (String path : List.of("/", "/health", "/api/availability")) {
            assertThat(hsts(tlsClient, base, path, Map.of())).as(path).contains("max-age=31536000");
        }
    }

    private static Optional<String> hsts(HttpClient client, URI base, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "*/*");
        headers.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isIn(200, 401, 404);
        return response.headers().firstValue(HSTS);
    }

    /** A key pair for localhost and 127.0.0.1, made by the JDK's keytool. */
    private Path selfSignedKeystore() throws Exception {
        Path keystore = Files.createTempDirectory("harbour-tls").resolve("harbour-test.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "harbour", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
