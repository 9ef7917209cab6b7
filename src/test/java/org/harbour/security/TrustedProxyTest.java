package org.harbour.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.harbour.testdata.Problems.assertProblem;

/**
 * Behind a configured reverse proxy (here: the test's own 127.0.0.1), the client's address is the last
 * X-Forwarded-For hop that is not a trusted proxy: each client has its own allowance and audit address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyTest implements HarbourTest {

    static final int PER_ADDRESS = 4;

    @Inject
    EmbeddedServer server;

    Fixtures fixtures;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(HarbourTest.super.getProperties());
        properties.put("harbour.login.failures-per-address", Integer.toString(PER_ADDRESS));
        properties.put("harbour.security.trusted-proxies", "127.0.0.0/8,::1/128,10.0.0.0/8");
        return properties;
    }

    @BeforeAll
    void setUp() {
        fixtures = new Fixtures(server.getURI());
    }

    @Test
    void eachForwardedClientHasItsOwnAllowance() {
        for (int attempt = 1; attempt <= PER_ADDRESS; attempt++) {
            assertProblem(from("203.0.113.10").post("/api/login", Map.of("username", "guess-" + attempt,
                    "password", "wrong-password")), 401);
        }

        assertProblem(from("203.0.113.10").post("/api/login", Map.of("username", "guess-more", "password", "wrong-password")), 429);
        // the client may prepend anything; only the hop our proxy appended counts
        assertProblem(from("198.51.100.1, 203.0.113.10").post("/api/login", Map.of("username", "guess-x",
                "password", "wrong-password")), 429);
        assertProblem(from("203.0.113.11").post("/api/login", Map.of("username", "guess-other", "password", "wrong-password")), 401);
    }

    @Test
    void theAuditRecordsTheForwardedClientBehindEveryTrustedHop() {
        Http caseworker = fixtures.caseworker("Proxied outreach");
        Http proxied = from("192.0.2.1, 198.51.100.23, 10.1.2.3").as(caseworker.token());
        long client = proxied.post("/api/clients", Map.of("alias", "Proxied", "needs", Map.of())).id();
        long direct = caseworker.post("/api/clients", Map.of("alias", "Direct", "needs", Map.of())).id();
        long garbage = from("not-an-address").as(caseworker.token())
                .post("/api/clients", Map.of("alias", "Garbage", "needs", Map.of())).id();

        assertThat(addressOf(client)).isEqualTo("198.51.100.23");
        assertThat(addressOf(direct)).isEqualTo("127.0.0.1");
        assertThat(addressOf(garbage)).isEqualTo("127.0.0.1");
    }

    @Test
    void blocksParseAsExpected() {
        ClientAddress.Cidr block = ClientAddress.Cidr.parse("10.0.0.0/8");
        assertThat(block.contains(address("10.255.0.1"))).isTrue();
        assertThat(block.contains(address("11.0.0.1"))).isFalse();
        assertThat(ClientAddress.Cidr.parse("192.168.1.7").contains(address("192.168.1.8"))).isFalse();
        assertThat(ClientAddress.Cidr.parse("fd00::/8").contains(address("fd12::1"))).isTrue();
        assertThat(ClientAddress.Cidr.parse("fd00::/8").contains(address("10.0.0.1"))).isFalse();
        for (String bad : List.of("example.org", "10.0.0.0/33", "10.0.0/8")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClientAddress.Cidr.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private String addressOf(long client) {
        return (String) fixtures.admin().get("/api/audit?action=CLIENT_CREATED&objectId=" + client).list().get(0).get("remoteAddress");
    }

    private static java.net.InetAddress address(String literal) {
        return io.netty.util.NetUtil.createInetAddressFromIpAddressString(literal);
    }

    private Http from(String forwardedFor) {
        return fixtures.anonymous().withHeader("X-Forwarded-For", forwardedFor);
    }
}
