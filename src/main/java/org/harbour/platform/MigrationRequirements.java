package org.harbour.platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Whether the pending migrations can run with this account on this server, decided before the first
 * one starts: a migration stopped half-way leaves a failed row in flyway_schema_history that every later
 * start refuses until someone repairs it by hand. Each problem is put for the operator in words that name
 * what to change (the server setting, the GRANT).
 */
final class MigrationRequirements {

    /** Flyway reads and appends its history table whatever the migrations do. */
    private static final Set<Privilege> HISTORY = EnumSet.of(Privilege.SELECT, Privilege.INSERT);

    private MigrationRequirements() {
    }

    /** The server's facts that decide whether an account without SUPER may create triggers. */
    record BinaryLogging(boolean on, boolean trustFunctionCreators) {
    }

    /** Empty when the migrations can run; otherwise one cause per problem, each stating the fix. */
    static List<String> problems(List<PendingMigration> pending, BinaryLogging binaryLogging, AccountGrants grants,
                                 String account, String schema) {
        List<String> problems = new ArrayList<>();
        if (pending.isEmpty()) {
            return problems;
        }
        List<String> storedCode = pending.stream().filter(PendingMigration::createsStoredCode)
                .map(PendingMigration::version).toList();
        // the server checks this before the TRIGGER privilege, so it is what a migration would meet first
        if (!storedCode.isEmpty() && binaryLogging.on() && !binaryLogging.trustFunctionCreators() && !grants.hasSuper()) {
            problems.add(binaryLoggingCause(storedCode));
        }
        Map<Privilege, String> missing = new LinkedHashMap<>();
        for (Privilege privilege : HISTORY) {
            if (!grants.has(privilege)) {
                missing.put(privilege, pending.get(0).version());
            }
        }
        for (PendingMigration migration : pending) {
            for (Privilege privilege : migration.privileges()) {
                if (!grants.has(privilege)) {
                    missing.putIfAbsent(privilege, migration.version());
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.add(privilegeCause(missing, account, schema));
        }
        return problems;
    }

    /** The one line the issue asks for; versions empty when only the server's refusal (error 1419) is known. */
    static String binaryLoggingCause(List<String> versions) {
        String which = versions.isEmpty() ? "a migration creates triggers"
                : (versions.size() == 1 ? "migration V" + versions.get(0) + " creates"
                   : "migrations V" + String.join(", V", versions) + " create") + " triggers";
        return which + " and this server has binary logging on; set log_bin_trust_function_creators=1 on the server"
                + " (SET GLOBAL and in its configuration file; on every node of a cluster), or migrate once with an"
                + " account that has SUPER";
    }

    private static String privilegeCause(Map<Privilege, String> missing, String account, String schema) {
        StringJoiner lacks = new StringJoiner(", ");
        StringJoiner grant = new StringJoiner(", ");
        missing.forEach((privilege, version) -> {
            lacks.add(privilege.sql() + " (migration V" + version + ")");
            grant.add(privilege.sql());
        });
        return "missing privilege: the database account " + account + " lacks " + lacks + " on database `" + schema
                + "`; grant it (GRANT " + grant + " ON `" + schema + "`.* TO " + account + ")";
    }
}
