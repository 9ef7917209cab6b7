package org.harbour.live;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.harbour.testdata.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** The WebSocket handshake on its own, for tests about who is let in. */
final class Handshake {

    private Handshake() {
    }

    /** The WebSocket handshake's HTTP status; 101 when it was let in. */
    static int status(URI httpBase, String query) {
        URI uri = URI.create(httpBase.toString().replaceFirst("^http", "ws") + "/ws/live" + query);
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() { })
                    .orTimeout(10, TimeUnit.SECONDS).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** A token as the service signs them, for the test admin, expiring at the given time. */
    static String adminToken(Instant expires) throws Exception {
        return token(TestDatabase.ADMIN_USERNAME, "ADMIN", expires);
    }

    /** A token as the service signs them, for any user and role, expiring at the given time. */
    static String token(String username, String role, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(username)
                .claim("roles", List.of(role)).issueTime(Date.from(expires.minusSeconds(3600)))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(TestDatabase.JWT_SECRET));
        return jwt.serialize();
    }

    /** When a token runs out, as its exp claim says. */
    static Instant expiryOf(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
    }
}
