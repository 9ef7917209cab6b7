package org.harbour.platform;

import java.util.Locale;
import java.util.Optional;

/** The database privileges migrations need on Harbour's schema, spelled as GRANT spells them. */
enum Privilege {
    SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, TRIGGER, CREATE_VIEW, CREATE_ROUTINE;

    /** As in GRANT and SHOW GRANTS: "CREATE VIEW". */
    String sql() {
        return name().replace('_', ' ');
    }

    static Optional<Privilege> fromSql(String name) {
        String key = name.trim().replaceAll("\\s+", "_").toUpperCase(Locale.ROOT);
        for (Privilege privilege : values()) {
            if (privilege.name().equals(key)) {
                return Optional.of(privilege);
            }
        }
        return Optional.empty();
    }
}
