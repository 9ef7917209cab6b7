package org.harbour.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a start-up message may say about the database Harbour was pointed at: its hosts and ports, the
 * database name and the account's user name, taken from the JDBC URL without anything else in it (a
 * password may sit in the URL's user-info or parameters).
 */
public record DatabaseTarget(List<String> hosts, String database, String username, boolean embedded) {

    static final int DEFAULT_PORT = 3306;
    private static final Pattern ADDRESS_PART = Pattern.compile("\\((host|port)=([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    /** Before the configuration is known (the JWT secret is checked first). */
    static final DatabaseTarget UNKNOWN = new DatabaseTarget(List.of(), "", "", false);

    static DatabaseTarget of(Map<String, Object> properties) {
        String url = String.valueOf(properties.getOrDefault("harbour.database.url", ""));
        return new DatabaseTarget(hosts(url), database(url),
                String.valueOf(properties.getOrDefault("harbour.database.username", "")),
                Boolean.parseBoolean(String.valueOf(properties.getOrDefault("harbour.database.embedded", "false"))));
    }

    /** "db1:3306, db2:3306", or "the embedded MariaDB at 127.0.0.1:port". */
    public String where() {
        String joined = hosts.isEmpty() ? "the configured host" : String.join(", ", hosts);
        return embedded ? "the embedded MariaDB at " + joined : joined;
    }

    static List<String> hosts(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return List.of();
        }
        String rest = url.substring(start + 2);
        int end = authorityEnd(rest);
        List<String> hosts = new ArrayList<>();
        for (String part : splitHosts(rest.substring(0, end))) {
            String host = withoutUserInfo(part.trim());
            if (host.isEmpty()) {
                continue;
            }
            hosts.add(host.startsWith("(") || host.toLowerCase().startsWith("address=") ? addressForm(host) : withPort(host));
        }
        return List.copyOf(hosts);
    }

    static String database(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return "";
        }
        String rest = url.substring(start + 2);
        int end = authorityEnd(rest);
        if (end >= rest.length() || rest.charAt(end) != '/') {
            return "";
        }
        String path = rest.substring(end + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The authority ends at the first '/' or '?' outside parentheses and brackets. */
    private static int authorityEnd(String rest) {
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && (c == '/' || c == '?')) {
                return i;
            }
        }
        return rest.length();
    }

    private static List<String> splitHosts(String authority) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(authority.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(authority.substring(from));
        return parts;
    }

    private static String withoutUserInfo(String host) {
        int at = host.lastIndexOf('@');
        return at < 0 || host.startsWith("(") || host.toLowerCase().startsWith("address=") ? host : host.substring(at + 1);
    }

    private static String withPort(String host) {
        boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
        return hasPort ? host : host + ":" + DEFAULT_PORT;
    }

    private static String addressForm(String host) {
        String name = "?";
        String port = String.valueOf(DEFAULT_PORT);
        Matcher m = ADDRESS_PART.matcher(host);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase("host")) {
                name = m.group(2);
            } else {
                port = m.group(2);
            }
        }
        return name + ":" + port;
    }
}
