package org.harbour.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the environment (API.md "Running") into configuration before the application context
 * starts: with no DATASOURCES_DEFAULT_URL it starts the embedded MariaDB, generates and keeps a JWT
 * secret in HARBOUR_DATA_DIR and turns demo data on; with an external database the secret is required.
 */
public final class Bootstrap {

    static final int MIN_SECRET_LENGTH = 32;
    static final String SECRET_FILE = "jwt-secret";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
        // Checked before the embedded database starts, so a bad secret never leaves a mariadbd behind.
        String secret = jwtSecret(env);
        if (externalUrl != null) {
            props.put("harbour.database.url", externalUrl);
            props.put("harbour.database.username", env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "root"));
            props.put("harbour.database.password", env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""));
            props.put("harbour.demo", Boolean.parseBoolean(env.getOrDefault("HARBOUR_DEMO", "false")));
            props.put("harbour.database.embedded", false);
        } else {
            EmbeddedDatabase database = EmbeddedDatabase.start(dataDir(env));
            props.put("harbour.database.url", database.jdbcUrl());
            props.put("harbour.database.username", EmbeddedDatabase.USER);
            props.put("harbour.database.password", "");
            props.put("harbour.demo", Boolean.parseBoolean(env.getOrDefault("HARBOUR_DEMO", "true")));
            props.put("harbour.database.embedded", true);
        }
        props.put("harbour.jwt-secret", secret);
        return new Bootstrap(props);
    }

    /**
     * HARBOUR_JWT_SECRET; when unset, required with an external database and otherwise the secret kept in
     * HARBOUR_DATA_DIR (generated on first start). Starts nothing.
     */
    static String jwtSecret(Map<String, String> env) {
        String secret = blankToNull(env.get("HARBOUR_JWT_SECRET"));
        if (secret == null) {
            if (blankToNull(env.get("DATASOURCES_DEFAULT_URL")) != null) {
                throw new StartupFailure("HARBOUR_JWT_SECRET is required with an external database; set it to "
                        + MIN_SECRET_LENGTH + " or more random characters (for example the output of `openssl rand -base64 48`),"
                        + " the same on every instance");
            }
            return keptSecret(dataDir(env));
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new StartupFailure("HARBOUR_JWT_SECRET is " + secret.length() + " characters; it must be at least "
                    + MIN_SECRET_LENGTH + " characters (for example the output of `openssl rand -base64 48`)");
        }
        return secret;
    }

    static Path dataDir(Map<String, String> env) {
        String configured = blankToNull(env.get("HARBOUR_DATA_DIR"));
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".harbour");
    }

    /**
     * A random secret generated on first start and kept next to the data. The file is created
     * owner-only (never briefly readable by others), and a kept file is tightened if it is not.
     */
    static String keptSecret(Path home) {
        Path file = home.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(home);
                createOwnerOnly(file);
                Files.writeString(file, generateSecret(), StandardCharsets.UTF_8);
            } else {
                restrictToOwner(file);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new StartupFailure("the JWT secret kept in " + file + " is shorter than "
                        + MIN_SECRET_LENGTH + " characters; delete the file to generate a new one (signed-in users sign in again)");
            }
            return secret;
        } catch (IOException e) {
            throw new StartupFailure("cannot keep the JWT secret in " + home + " (" + e.getClass().getSimpleName()
                    + "); make HARBOUR_DATA_DIR a folder this user may write, or set HARBOUR_JWT_SECRET");
        }
    }

    private static String generateSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the folder's own permissions have to do.
            Files.createFile(file);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // As above.
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
