package org.harbour.problem;

/**
 * What free text (an alias, a name, an address, an organization) may hold: anything printable. Control
 * characters (a NUL ends the string in C code that later reads it, a newline forges a line in a CSV or a
 * log) and the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069, which make text
 * display other than it reads: U+202E followed by "evil" shows as "live") are refused. No field of Harbour's holds
 * several lines, so newline and tab are refused too.
 */
public final class FreeText {

    /** The rule as a field error says it. */
    public static final String RULE = "must not contain control characters or bidirectional overrides";

    private FreeText() {
    }

    public static boolean isClean(String value) {
        return value.codePoints().noneMatch(FreeText::isForbidden);
    }

    static boolean isForbidden(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL // U+0000-U+001F, U+007F-U+009F
                || codePoint >= 0x202A && codePoint <= 0x202E
                || codePoint >= 0x2066 && codePoint <= 0x2069;
    }
}
