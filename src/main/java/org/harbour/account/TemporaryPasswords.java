package org.harbour.account;

import java.security.SecureRandom;

/**
 * The password an administrator hands on after a reset: read aloud over a phone or copied from a screen, so
 * its alphabet has no look-alikes (no 0/O, 1/I/l) and it comes in groups of four. 20 letters of 54 give about
 * 115 bits, and it works once: its owner must change it at the next sign-in.
 */
final class TemporaryPasswords {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
    static final int LETTERS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < LETTERS; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
