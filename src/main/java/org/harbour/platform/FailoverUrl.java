package org.harbour.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DATASOURCES_DEFAULT_URL read the way Connector/J reads it: {@code jdbc:mysql://db1:3306,db2:3306,db3:3306/harbour}
 * names several hosts, which is the driver's failover mode (every connection goes to the first host that answers,
 * in the order written). Such a URL gets the settings a cluster of equal nodes (Galera) needs, each unless the
 * operator's URL already sets it; a URL with one host, or one naming another mode (loadbalance, replication), is
 * left as it is.
 */
public final class FailoverUrl {

    /** What a failover URL gets unless it says otherwise; see src/docs/operations.md "Running on a cluster". */
    static final Map<String, String> CLUSTER_SETTINGS = clusterSettings();

    private static final String FAILOVER_SCHEME = "jdbc:mysql://";
    private static final Pattern KEY_VALUE_HOST = Pattern.compile("[(,]\\s*host\\s*=\\s*([^,)]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_VALUE_PORT = Pattern.compile("[(,]\\s*port\\s*=\\s*([^,)]*)", Pattern.CASE_INSENSITIVE);

    private final List<String> hosts;
    private final Set<String> givenSettings;
    private final boolean failover;

    private FailoverUrl(List<String> hosts, Set<String> givenSettings, boolean failover) {
        this.hosts = hosts;
        this.givenSettings = givenSettings;
        this.failover = failover;
    }

    private static Map<String, String> clusterSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        // After a failover the driver makes the connection read-only by default (every write then fails with
        // S1009), which suits a replica; every Galera node takes writes.
        settings.put("failOverReadOnly", "false");
        // A new connection tries the hosts in order: a first host that is down but does not refuse (a dead machine)
        // costs this much before the next one is tried, and both must fit in the pool's 2 s wait (connection-timeout).
        settings.put("connectTimeout", "1000");
        // A statement on a node that died without closing its connections (power, network) would wait for TCP for
        // minutes; this bounds it, and the driver then moves the connection to the next host. No statement of
        // Harbour's runs this long (reports take well under a second); a migration that rebuilds a very large
        // table may, so operations.md says how to lift it for that one start.
        settings.put("socketTimeout", "10000");
        // A connection stays on the node it failed over to: no going back to the first host by time or by count.
        // Going back would land on a node that has restarted but not caught up yet (Galera answers its clients
        // before that, and refuses their statements with error 1047 for as long as catching up takes), and would
        // try a dead host every so often meanwhile. The pool replaces each connection after its lifetime (30 min),
        // and a new one tries the hosts in order again, so the instances return to the first host within that.
        settings.put("secondsBeforeRetrySource", "0");
        settings.put("queriesBeforeRetrySource", "0");
        // With every host down the driver's default goes round them 120 times, 250 ms apart, holding the request
        // for half a minute; twice is enough to pass a node that is just restarting, and the outage handling
        // (503 with Retry-After, platform/DatabaseStatus) takes over from there.
        settings.put("retriesAllDown", "2");
        return Collections.unmodifiableMap(settings);
    }

    public static FailoverUrl parse(String url) {
        if (url == null || !url.regionMatches(true, 0, FAILOVER_SCHEME, 0, FAILOVER_SCHEME.length())) {
            // another scheme (jdbc:mysql:loadbalance://, jdbc:mysql:replication://, not MySQL at all): not ours to tune
            return new FailoverUrl(List.of(), Set.of(), false);
        }
        String rest = url.substring(FAILOVER_SCHEME.length());
        int authorityEnd = endOfAuthority(rest);
        List<String> hosts = splitHosts(rest.substring(0, authorityEnd));
        int query = rest.indexOf('?', authorityEnd);
        Set<String> given = query < 0 ? Set.of() : settingNames(rest.substring(query + 1));
        return new FailoverUrl(List.copyOf(hosts), given, hosts.size() > 1);
    }

    /** True when the URL names more than one host in the plain mysql scheme: Connector/J's failover mode. */
    public boolean isFailover() {
        return failover;
    }

    public List<String> hosts() {
        return hosts;
    }

    /**
     * The cluster settings this URL does not set itself (Connector/J reads setting names without regard to case);
     * none for a single host. Given to the driver as data source properties, which take precedence over the URL's,
     * hence only the missing ones.
     */
    public Map<String, String> settingsToAdd() {
        if (!failover) {
            return Map.of();
        }
        Map<String, String> missing = new LinkedHashMap<>();
        CLUSTER_SETTINGS.forEach((name, value) -> {
            if (!givenSettings.contains(name.toLowerCase(Locale.ROOT))) {
                missing.put(name, value);
            }
        });
        return missing;
    }

    /** Where the host list ends: the first '/' or '?' outside brackets ([ipv6]) and parentheses (address=(...)). */
    private static int endOfAuthority(String rest) {
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == '/' || c == '?')) {
                return i;
            }
        }
        return rest.length();
    }

    /** The hosts, split at top-level commas; a list in brackets ([h1,h2]) counts as the hosts it holds. */
    private static List<String> splitHosts(String authority) {
        String list = authority.startsWith("[") && authority.endsWith("]") && authority.contains(",")
                ? authority.substring(1, authority.length() - 1) : authority;
        List<String> hosts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                String host = list.substring(start, i).trim();
                if (!host.isEmpty()) {
                    hosts.add(withoutCredentials(host));
                }
                start = i + 1;
            }
        }
        return hosts;
    }

    /**
     * host:port only: Connector/J also takes user:password@host and address=(host=..)(port=..)(password=..), and
     * the hosts are logged.
     */
    private static String withoutCredentials(String host) {
        if (host.startsWith("(") || host.toLowerCase(Locale.ROOT).startsWith("address=")) {
            Matcher name = KEY_VALUE_HOST.matcher(host);
            Matcher port = KEY_VALUE_PORT.matcher(host);
            return (name.find() ? name.group(1) : "?") + (port.find() ? ":" + port.group(1) : "");
        }
        return host.substring(host.lastIndexOf('@') + 1);
    }

    private static Set<String> settingNames(String query) {
        Set<String> names = new TreeSet<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).trim();
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
