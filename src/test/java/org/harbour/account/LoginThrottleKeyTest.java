package org.harbour.account;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's key for a typed name: one rule for every name (no account is looked at), coarse enough
 * that every spelling the login takes for an account counts under that account's key, fine enough that
 * another name (an accent added) counts apart.
 */
class LoginThrottleKeyTest {

    /** Every character a username may hold (UserAccounts: letters, digits and . _ @ -). */
    private static final String USERNAME_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._@-";

    @Test
    void everyCharacterTheLoginTakesForAUsernameCharacterHasThatCharactersKey() {
        // LoginController signs in when the typed name equalsIgnoreCase the account's: ask that very method,
        // for every code point, which characters stand for which.
        List<String> checked = new ArrayList<>();
        for (char allowed : USERNAME_ALPHABET.toCharArray()) {
            String plain = String.valueOf(allowed);
            for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
                String typed = Character.toString(codePoint);
                if (typed.equalsIgnoreCase(plain)) {
                    assertThat(LoginThrottle.key("ad" + typed + "min")).as("U+%04X for %s", codePoint, plain)
                            .isEqualTo(LoginThrottle.key("ad" + plain + "min"));
                    checked.add(typed);
                }
            }
        }
        // upper and lower case of 52 letters, the rest alone, and the odd ones that prove the point
        assertThat(checked).hasSizeGreaterThan(USERNAME_ALPHABET.length() + 26)
                .contains("\u0131", "\u0130", "\u212A", "\u017F"); // dotless i, dotted I, Kelvin sign, long s
    }

    @Test
    void anAccentMakesAnotherNameAndCaseAndCompatibilityFormsDoNot() {
        assertThat(LoginThrottle.key("fúnder")).isNotEqualTo(LoginThrottle.key("funder"));
        assertThat(LoginThrottle.key("cäseworker-1")).isNotEqualTo(LoginThrottle.key("caseworker-1"));

        assertThat(LoginThrottle.key("Funder")).isEqualTo(LoginThrottle.key("funder"));
        assertThat(LoginThrottle.key(" FUNDER ")).isEqualTo(LoginThrottle.key("funder"));
        assertThat(LoginThrottle.key("\uFF46\uFF55\uFF4E\uFF44\uFF45\uFF52")).isEqualTo(LoginThrottle.key("funder")); // full-width
        assertThat(LoginThrottle.key("fu\u0301nder")).isEqualTo(LoginThrottle.key("f\u00FAnder")); // decomposed accent
        assertThat(LoginThrottle.key("FÚNDER")).isEqualTo(LoginThrottle.key("fúnder"));
    }

    @Test
    void theKeyOfANameDoesNotDependOnWhetherItsAccountExists() {
        // a pure function of the typed text: the throttle has no repository to ask
        assertThat(LoginThrottle.class.getDeclaredConstructors()).allSatisfy(constructor ->
                assertThat(constructor.getParameterTypes()).containsOnly(int.class));
    }
}
