package org.harbour.directory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Canadian postal code written in an address line ("480 Queen St W, M5V 2A9"), as "M5V 2A9", or "" when none. */
final class PostalCodes {

    private static final Pattern CANADIAN = Pattern.compile("\\b([A-Z]\\d[A-Z])\\s?(\\d[A-Z]\\d)\\b", Pattern.CASE_INSENSITIVE);

    private PostalCodes() {
    }

    static String find(String address) {
        Matcher m = CANADIAN.matcher(address);
        return m.find() ? (m.group(1) + " " + m.group(2)).toUpperCase(Locale.ROOT) : "";
    }
}
