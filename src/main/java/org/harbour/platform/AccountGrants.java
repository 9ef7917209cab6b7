package org.harbour.platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SHOW GRANTS says the current account may do on one schema, and whether it has SUPER. MariaDB
 * lists the grants of the account's active role too; MySQL 8 does not, so there an account with roles
 * is taken as {@link #unknown()} rather than refused for privileges a role may give it. Grants on a
 * single table of the schema count as well: the check would rather let a start through and leave the
 * verdict to the database (StartupDiagnosis) than stop one that would have worked.
 */
final class AccountGrants {

    private static final Pattern GRANT = Pattern.compile("^GRANT (.+?) ON (?:TABLE )?(\\S+) TO ", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLE_GRANT = Pattern.compile("^GRANT [^ ]+ TO ", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMNS = Pattern.compile("\\([^)]*\\)");

    private final boolean known;
    private final Set<Privilege> onSchema;
    private final boolean superPrivilege;

    private AccountGrants(boolean known, Set<Privilege> onSchema, boolean superPrivilege) {
        this.known = known;
        this.onSchema = onSchema;
        this.superPrivilege = superPrivilege;
    }

    static AccountGrants unknown() {
        return new AccountGrants(false, EnumSet.allOf(Privilege.class), true);
    }

    /** The lines of SHOW GRANTS (they hold a password hash: parsed here, never logged). */
    static AccountGrants parse(List<String> lines, String schema, boolean mariaDb) {
        Set<Privilege> onSchema = EnumSet.noneOf(Privilege.class);
        boolean superPrivilege = false;
        for (String line : lines) {
            if (ROLE_GRANT.matcher(line).find() && !mariaDb) {
                return unknown();
            }
            Matcher grant = GRANT.matcher(line);
            if (!grant.find()) {
                continue;
            }
            List<String> privileges = privileges(grant.group(1));
            String target = grant.group(2);
            boolean global = target.equals("*.*");
            if (global || appliesTo(target, schema)) {
                for (String privilege : privileges) {
                    if (privilege.equals("ALL") || privilege.equals("ALL PRIVILEGES")) {
                        onSchema.addAll(EnumSet.allOf(Privilege.class));
                        superPrivilege |= global;
                    } else {
                        Privilege.fromSql(privilege).ifPresent(onSchema::add);
                        superPrivilege |= global && privilege.equals("SUPER");
                    }
                }
            }
        }
        return new AccountGrants(true, onSchema, superPrivilege);
    }

    boolean known() {
        return known;
    }

    boolean has(Privilege privilege) {
        return onSchema.contains(privilege);
    }

    boolean hasSuper() {
        return superPrivilege;
    }

    private static List<String> privileges(String list) {
        List<String> privileges = new ArrayList<>();
        for (String privilege : COLUMNS.matcher(list).replaceAll("").split(",")) {
            privileges.add(privilege.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
        }
        return privileges;
    }

    /** `harbour`.*, `harbour`.`table`, or a pattern such as `harbour\_%`.* that matches the schema. */
    static boolean appliesTo(String target, String schema) {
        int dot = target.startsWith("`") ? target.indexOf("`.", 1) + 1 : target.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String database = target.substring(0, dot);
        if (database.startsWith("`") && database.endsWith("`") && database.length() >= 2) {
            database = database.substring(1, database.length() - 1).replace("``", "`");
        }
        return schema.matches(likeToRegex(database));
    }

    /** Grant database names are LIKE patterns: _ and % are wildcards unless escaped with a backslash. */
    private static String likeToRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return "(?i)" + regex;
    }
}
