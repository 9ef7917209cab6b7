package org.harbour.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.security.Principals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Feed keys let a facility's own system push counts. The key is shown once; only its SHA-256 is
 * kept (256 random bits need no slow hash, and a hash can be looked up). Every request reads the
 * key's row, so a revoked key is refused at once on every instance.
 */
@Singleton
@Transactional
public class FeedKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How stale a key's lastUsedAt may be: a feed pushing every few seconds writes it once a minute, not per push. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcOperations jdbc;
    private final Clock clock;
    /** Keys whose use this instance recorded within the last minute. */
    private final Cache<Long, Boolean> recentlyRecorded = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(LAST_USED_PRECISION)
            .build();

    FeedKeys(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Issued(long id, long facilityId, String key) {
    }

    /** What an administrator may know of a key: never the key nor its hash. */
    record Listed(long id, long facilityId, Instant createdAt, @Nullable Instant lastUsedAt, boolean revoked,
                  @Nullable Instant revokedAt) {
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
                    statement.setTimestamp(3, Timestamp.from(clock.instant()));
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

    /**
     * Notes that the key was just used, at most once a minute per key and instance (the statement also skips a
     * row another instance stamped within the minute), so a feed's pushes never queue behind this write.
     */
    void used(long keyId) {
        if (recentlyRecorded.asMap().putIfAbsent(keyId, Boolean.TRUE) != null) {
            return;
        }
        Instant now = clock.instant();
        jdbc.prepareStatement("UPDATE feed_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setLong(2, keyId);
                    statement.setTimestamp(3, Timestamp.from(now.minus(LAST_USED_PRECISION)));
                    return statement.executeUpdate();
                });
    }

    @Transactional(readOnly = true)
    List<Listed> list(long facilityId) {
        return jdbc.prepareStatement("SELECT id, facility_id, created_at, last_used_at, revoked, revoked_at FROM feed_keys"
                + " WHERE facility_id = ? ORDER BY id DESC", statement -> {
            statement.setLong(1, facilityId);
            List<Listed> keys = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    keys.add(listed(rs));
                }
            }
            return keys;
        });
    }

    Optional<Listed> findById(long keyId) {
        return jdbc.prepareStatement("SELECT id, facility_id, created_at, last_used_at, revoked, revoked_at FROM feed_keys"
                + " WHERE id = ? FOR UPDATE", statement -> {
            statement.setLong(1, keyId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(listed(rs)) : Optional.empty();
            }
        });
    }

    /** Revokes the key; false when it already was (nothing changes then). */
    boolean revoke(long keyId) {
        return jdbc.prepareStatement("UPDATE feed_keys SET revoked = TRUE, revoked_at = ? WHERE id = ? AND NOT revoked",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(clock.instant()));
                    statement.setLong(2, keyId);
                    return statement.executeUpdate() == 1;
                });
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)),
                rs.getBoolean(5), instant(rs.getTimestamp(6)));
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
