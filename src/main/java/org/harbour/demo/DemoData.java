package org.harbour.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.account.UserAccounts;
import org.harbour.importer.TorontoOccupancyImporter;
import org.harbour.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the demo network (db/demo) into an empty database, with one user per role, and prints
 * how to sign in. On only for the embedded default unless HARBOUR_DEMO says otherwise.
 */
@Singleton
@Requires(property = "harbour.demo", value = "true")
class DemoData implements ApplicationEventListener<StartupEvent> {

    record DemoUser(String username, String password, Role role, String organization, List<String> facilities) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "harbour-demo-admin", Role.ADMIN, null, List.of()),
            new DemoUser("staff", "harbour-demo-staff", Role.SHELTER_STAFF, "Harbour Society",
                    List.of("Harbour House", "Lakeshore Hotel Program")),
            new DemoUser("caseworker", "harbour-demo-caseworker", Role.CASEWORKER, "Street Outreach Toronto", List.of()),
            new DemoUser("funder", "harbour-demo-funder", Role.FUNDER, "Ontario Housing Fund", List.of()));

    // Real nights from Toronto's open data (db/demo/README.md), so reports have history to show.
    static final String TORONTO_NIGHTS = "db/demo/toronto-occupancy-2024-03-12_to_2024-03-25.csv";

    private final JdbcOperations jdbc;
    private final UserAccounts accounts;
    private final TorontoOccupancyImporter torontoOccupancy;

    DemoData(JdbcOperations jdbc, UserAccounts accounts, TorontoOccupancyImporter torontoOccupancy) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.torontoOccupancy = torontoOccupancy;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (load()) {
            StringBuilder banner = new StringBuilder("\nHarbour demo data loaded. Sign in with:\n");
            USERS.forEach(u -> banner.append(String.format("  %-14s %-11s password %s%n", u.role(), u.username(), u.password())));
            System.out.println(banner);
        } else {
            System.out.println("\nHarbour demo users: " + USERS.stream().map(DemoUser::username).toList()
                    + " (passwords in README.md)\n");
        }
    }

    @Transactional
    boolean load() {
        boolean empty = jdbc.prepareStatement("SELECT COUNT(*) FROM facilities", statement -> {
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
        if (!empty) {
            return false;
        }
        for (String sql : statements("db/demo/demo-network.sql")) {
            jdbc.prepareStatement(sql, statement -> statement.executeUpdate());
        }
        for (DemoUser user : USERS) {
            if (accounts.exists(user.username())) {
                continue; // HARBOUR_ADMIN_USERNAME may have claimed the name first
            }
            List<Long> facilityIds = user.facilities().stream().map(this::facilityId).toList();
            accounts.createUser(user.username(), user.password(), user.role(), user.organization(), facilityIds);
        }
        for (String sql : statements("db/demo/demo-casework.sql")) {
            jdbc.prepareStatement(sql, statement -> statement.executeUpdate());
        }
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(TORONTO_NIGHTS)) {
            torontoOccupancy.importCsv(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private long facilityId(String name) {
        return jdbc.prepareStatement("SELECT id FROM facilities WHERE name = ?", statement -> {
            statement.setString(1, name);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<String> statements(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(sql.split(";\\s*\\n"))
                    .map(s -> s.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim())
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
