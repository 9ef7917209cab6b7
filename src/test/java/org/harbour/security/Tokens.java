package org.harbour.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Hand-made JWTs (nimbus JOSE, as micronaut-security-jwt uses) for tokens Harbour must refuse. */
final class Tokens {

    private Tokens() {
    }

    static JWTClaimsSet claims(String subject, String role, Instant expires) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.of(role))
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(expires))
                .build();
    }

    static String hs256(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** alg "none": no signature at all. */
    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
