package org.harbour.search;

/** A stated preference a program meets (a match's {@code matchedPreferences}), in the order they rank. */
public enum Preference {
    TRAFFICKING_SPECIALIZED, LANGUAGE, CULTURALLY_SPECIFIC
}
