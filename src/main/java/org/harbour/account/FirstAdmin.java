package org.harbour.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.harbour.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** HARBOUR_ADMIN_USERNAME / HARBOUR_ADMIN_PASSWORD: create this ADMIN at start if no user has that name. */
@Singleton
class FirstAdmin implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserRepository users;
    private final UserAccounts accounts;
    private final String username;
    private final String password;

    FirstAdmin(UserRepository users, UserAccounts accounts,
               @Nullable @Value("${harbour.admin.username:}") String username,
               @Nullable @Value("${harbour.admin.password:}") String password) {
        this.users = users;
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (username == null || username.isBlank()) {
            return;
        }
        if (users.existsByUsername(username)) {
            return;
        }
        String problem = PasswordHasher.problemWith(password, username);
        if (problem != null) {
            throw new IllegalStateException("HARBOUR_ADMIN_PASSWORD " + problem);
        }
        accounts.createUser(username, password, Role.ADMIN, null, List.of());
        LOG.info("Created the first administrator from HARBOUR_ADMIN_USERNAME");
    }
}
