package org.harbour.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.security.Principals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Feed keys let a facility's own system push counts. The key is shown once; only its SHA-256 is
 * kept (256 random bits need no slow hash, and a hash can be looked up).
 */
@Singleton
@Transactional
public class FeedKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;

    FeedKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Issued(long id, long facilityId, String key) {
    }

    Issued issue(long facilityId, String createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = "hfk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.prepareStatement(
                "INSERT INTO feed_keys (facility_id, key_hash, created_at, created_by) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setLong(1, facilityId);
                    statement.setString(2, sha256(key));
                    statement.setTimestamp(3, Timestamp.from(Instant.now()));
                    statement.setString(4, createdBy);
                    statement.executeUpdate();
                    return lastInsertId(statement.getConnection());
                });
        return new Issued(id, facilityId, key);
    }

    Optional<Principals.FeedKey> find(String key) {
        return jdbc.prepareStatement(
                "SELECT id, facility_id FROM feed_keys WHERE key_hash = ? AND NOT revoked", statement -> {
                    statement.setString(1, sha256(key));
                    try (var rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(new Principals.FeedKey(rs.getLong(1), rs.getLong(2))) : Optional.empty();
                    }
                });
    }

    private static long lastInsertId(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT LAST_INSERT_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sha256(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
