package org.harbour.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** bcrypt (at.favre.lib): salted, tunable cost, constant-time verification. */
@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    private static final int MAX_BYTES = 72; // bcrypt ignores bytes past 72: refuse rather than truncate silently

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(@Value("${harbour.bcrypt-cost:11}") int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password-only-for-timing");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /**
     * False for a password longer than bcrypt can take (never accepted at creation, so never right);
     * it is still checked on its first 72 bytes so the answer takes the usual time, never a 500.
     */
    public boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            BCrypt.verifyer().verify(Arrays.copyOf(bytes, MAX_BYTES), hash.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check so a missing user cannot be told from a wrong password. */
    public void burnTime(String password) {
        matches(password, dummyHash);
    }

    public static String problemWith(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes";
        }
        if (password.isBlank()) {
            return "must not be blank";
        }
        return null;
    }
}
