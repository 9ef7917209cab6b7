package org.harbour.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.harbour.problem.FieldCode;
import org.harbour.problem.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** bcrypt (at.favre.lib): salted, tunable cost, constant-time verification. */
@Singleton
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    private static final int MAX_BYTES = 72; // bcrypt ignores bytes past 72: refuse rather than truncate silently

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(@Value("${harbour.bcrypt-cost:11}") int cost) {
        this.cost = cost;
        // Well formed at the same cost, so checking against it takes as long as a real check; computing a real
        // hash here instead would spend a bcrypt run on the main thread of every start.
        this.dummyHash = "$2a$%02d$%s".formatted(cost, ".".repeat(53));
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

    String dummyHash() {
        return dummyHash;
    }

    /**
     * Length is what counts most (NIST SP 800-63B): at least 12 characters. Beyond that only what an
     * attacker tries first is refused: the username itself, one character repeated, a run of the
     * keyboard or of digits, and the most common long passwords. No composition rules.
     */
    public static String problemWith(String password, String username) {
        FieldError broken = ruleBroken(password, username);
        return broken == null ? null : broken.message();
    }

    /** The rule a password breaks, as a field error of "password" with its code, or null when it is good. */
    public static FieldError ruleBroken(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return rule(FieldCode.TOO_SHORT, "must be at least " + MIN_LENGTH + " characters", Map.of("min", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return rule(FieldCode.TOO_LONG, "must be at most " + MAX_BYTES + " bytes", Map.of("max", MAX_BYTES, "unit", "bytes"));
        }
        if (password.isBlank()) {
            return rule(FieldCode.PASSWORD_BLANK, "must not be blank", Map.of());
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && (folded.equals(username.toLowerCase(Locale.ROOT))
                || folded.equals(new StringBuilder(username.toLowerCase(Locale.ROOT)).reverse().toString()))) {
            return rule(FieldCode.PASSWORD_IS_USERNAME, "must not be the username", Map.of());
        }
        if (folded.chars().distinct().count() <= 2 || isCommon(folded)) {
            return rule(FieldCode.PASSWORD_TOO_EASY, "is too easy to guess; a few unrelated words make a good one", Map.of());
        }
        return null;
    }

    private static FieldError rule(FieldCode code, String message, Map<String, Object> params) {
        return new FieldError("password", message, code, params);
    }

    public static String problemWith(String password) {
        return problemWith(password, null);
    }

    private static final List<String> RUNS = List.of("0123456789012345678901234567890", "1234567890", "qwertyuiopasdfghjklzxcvbnm",
            "abcdefghijklmnopqrstuvwxyz", "1q2w3e4r5t6y7u8i9o0p", "1qaz2wsx3edc4rfv5tgb", "zaq12wsxcde34rfv");
    private static final List<String> COMMON = List.of("password1234", "password12345", "password123456", "passwordpassword",
            "iloveyou1234", "changeme1234", "letmein12345", "welcome12345", "administrator", "qwerty123456",
            "trustno1trustno1", "football1234", "baseball1234", "princess1234", "sunshine1234", "monkey123456",
            "superman1234", "starwars1234", "dragon123456", "master123456", "correcthorsebatterystaple");

    private static boolean isCommon(String folded) {
        String reversed = new StringBuilder(folded).reverse().toString();
        return COMMON.contains(folded) || RUNS.stream().anyMatch(run -> run.contains(folded) || run.contains(reversed));
    }
}
