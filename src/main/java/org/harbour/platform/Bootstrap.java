package org.harbour.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the environment (API.md "Running") into configuration before the application context
 * starts: with no DATASOURCES_DEFAULT_URL it starts the embedded MariaDB, generates and keeps a JWT
 * secret in HARBOUR_DATA_DIR and turns demo data on; with an external database the secret is required.
 */
public final class Bootstrap {

    static final int MIN_SECRET_LENGTH = 32;

    private final Map<String, Object> properties;

    private Bootstrap(Map<String, Object> properties) {
        this.properties = properties;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static Bootstrap fromEnvironment(Map<String, String> env) {
        Map<String, Object> props = new HashMap<>();
        String externalUrl = blankToNull(env.get("DATASOURCES_DEFAULT_URL"));
        String secret = blankToNull(env.get("HARBOUR_JWT_SECRET"));
        if (externalUrl != null) {
            if (secret == null) {
                throw new IllegalStateException("HARBOUR_JWT_SECRET is required with an external database");
            }
            props.put("harbour.database.url", externalUrl);
            props.put("harbour.database.username", env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "root"));
            props.put("harbour.database.password", env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""));
            props.put("harbour.demo", Boolean.parseBoolean(env.getOrDefault("HARBOUR_DEMO", "false")));
            props.put("harbour.database.embedded", false);
        } else {
            Path home = dataDir(env);
            EmbeddedDatabase database = EmbeddedDatabase.start(home);
            props.put("harbour.database.url", database.jdbcUrl());
            props.put("harbour.database.username", EmbeddedDatabase.USER);
            props.put("harbour.database.password", "");
            props.put("harbour.demo", Boolean.parseBoolean(env.getOrDefault("HARBOUR_DEMO", "true")));
            props.put("harbour.database.embedded", true);
            if (secret == null) {
                secret = keptSecret(home);
            }
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("HARBOUR_JWT_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        props.put("harbour.jwt-secret", secret);
        return new Bootstrap(props);
    }

    static Path dataDir(Map<String, String> env) {
        String configured = blankToNull(env.get("HARBOUR_DATA_DIR"));
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".harbour");
    }

    /** A random secret generated on first start and kept, owner-readable only, next to the data. */
    static String keptSecret(Path home) {
        Path file = home.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(home);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the folder's own permissions have to do.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the JWT secret in " + home, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
