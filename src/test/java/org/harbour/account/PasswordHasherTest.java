package org.harbour.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    @Test
    void theHashAMissingUserIsCheckedAgainstIsAFullBcryptCheckAtTheConfiguredCost() {
        for (int cost : new int[]{4, 11, 12}) {
            PasswordHasher hasher = new PasswordHasher(cost);
            BCrypt.Result check = BCrypt.verifyer().verify("a guess at a password".getBytes(StandardCharsets.UTF_8),
                    hasher.dummyHash().getBytes(StandardCharsets.UTF_8));
            // a malformed hash would be refused before any work, and a lower cost would answer sooner
            assertTrue(check.validFormat, check.formatErrorMessage);
            assertEquals(cost, check.details.cost);
            assertFalse(check.verified);
            assertEquals(hasher.hash("another password").length(), hasher.dummyHash().length());
        }
    }

    @Test
    void aPasswordMatchesItsOwnHashOnly() {
        PasswordHasher hasher = new PasswordHasher(4);
        String hash = hasher.hash("correct horse battery");
        assertTrue(hasher.matches("correct horse battery", hash));
        assertFalse(hasher.matches("correct horse battery!", hash));
        assertFalse(hasher.matches("correct horse battery", hasher.dummyHash()));
    }
}
