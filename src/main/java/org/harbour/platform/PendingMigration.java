package org.harbour.platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration Flyway is about to apply, read for what it asks of the database account: the privileges
 * its statements need on the schema, and whether it creates triggers or stored functions (which a server
 * with binary logging on refuses to an account without SUPER unless log_bin_trust_function_creators=1).
 * Read from the statements' first words, with comments and quoted text left out; a word missed here
 * only means the database's own refusal is what the operator reads instead (StartupDiagnosis).
 */
record PendingMigration(String version, Set<Privilege> privileges, boolean createsStoredCode) {

    private static final Pattern DEFINER = Pattern.compile("^CREATE\\s+(OR\\s+REPLACE\\s+)?(DEFINER\\s*=\\s*\\S+\\s+)?");

    static PendingMigration of(String version, String sql) {
        Set<Privilege> needs = EnumSet.noneOf(Privilege.class);
        boolean storedCode = false;
        for (String statement : statements(sql)) {
            String s = statement.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            Matcher create = DEFINER.matcher(s);
            String created = create.find() ? s.substring(create.end()) : null;
            if (created != null) {
                if (created.startsWith("TRIGGER ")) {
                    needs.add(Privilege.TRIGGER);
                    storedCode = true;
                } else if (created.startsWith("FUNCTION ") || created.startsWith("AGGREGATE FUNCTION ")) {
                    needs.add(Privilege.CREATE_ROUTINE);
                    storedCode = true;
                } else if (created.startsWith("PROCEDURE ")) {
                    needs.add(Privilege.CREATE_ROUTINE);
                } else if (created.matches("^(ALGORITHM\\s*=\\s*\\S+ )?(SQL SECURITY \\S+ )?VIEW .*")) {
                    needs.add(Privilege.CREATE_VIEW);
                } else if (created.matches("^(UNIQUE |FULLTEXT |SPATIAL )?INDEX .*")) {
                    needs.add(Privilege.INDEX);
                } else if (created.matches("^(TEMPORARY )?TABLE .*")) {
                    needs.add(Privilege.CREATE);
                }
            } else if (s.startsWith("ALTER TABLE ") || s.startsWith("ALTER ONLINE TABLE ") || s.startsWith("ALTER IGNORE TABLE ")) {
                // MySQL checks ALTER, CREATE and INSERT on the table for any ALTER TABLE
                needs.addAll(EnumSet.of(Privilege.ALTER, Privilege.CREATE, Privilege.INSERT));
            } else if (s.startsWith("DROP INDEX ")) {
                needs.add(Privilege.INDEX);
            } else if (s.startsWith("DROP TRIGGER ")) {
                needs.add(Privilege.TRIGGER);
            } else if (s.startsWith("DROP TABLE ") || s.startsWith("DROP VIEW ") || s.startsWith("TRUNCATE ")) {
                needs.add(Privilege.DROP);
            } else if (s.startsWith("RENAME TABLE ")) {
                needs.addAll(EnumSet.of(Privilege.ALTER, Privilege.DROP, Privilege.CREATE, Privilege.INSERT));
            } else if (s.startsWith("INSERT ")) {
                needs.add(Privilege.INSERT);
            } else if (s.startsWith("REPLACE ")) {
                needs.addAll(EnumSet.of(Privilege.INSERT, Privilege.DELETE));
            } else if (s.startsWith("UPDATE ")) {
                needs.add(Privilege.UPDATE);
            } else if (s.startsWith("DELETE ")) {
                needs.add(Privilege.DELETE);
            }
        }
        return new PendingMigration(version, Set.copyOf(needs), storedCode);
    }

    /**
     * The statements of a script, split at semicolons, with comments and the insides of quoted text
     * blanked in one pass (an apostrophe in a comment opens no string, a semicolon in a string ends no
     * statement).
     */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                current.append(c == '`' ? sql.substring(i, end) : "''");
                i = end;
            } else if (c == '#' || (c == '-' && sql.startsWith("--", i)
                    && (i + 2 >= sql.length() || Character.isWhitespace(sql.charAt(i + 2))))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                current.append(' ');
            } else if (c == ';') {
                statements.add(current.toString());
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        statements.add(current.toString());
        return statements;
    }

    /** The index just past the quote that closes the one at start (doubled or backslashed quotes stay inside). */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
