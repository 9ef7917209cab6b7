package org.harbour.account;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.event.EventLog;
import org.harbour.event.EventType;
import org.harbour.facility.Facilities;
import org.harbour.organization.Organizations;
import java.util.Map;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.FieldError;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;
import org.harbour.security.CurrentUsers;
import org.harbour.security.Role;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Accounts and their role rules (staff need facilities, caseworkers an organization): creating, changing,
 * disabling, and the passwords an administrator sets. Every change is audited, forgotten by this instance's
 * cache of callers at once, and announced to the other instances as {@code user.changed} in the same
 * transaction (they forget her too and close her sockets).
 */
@Singleton
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

    private final UserRepository users;
    private final Organizations organizations;
    private final PasswordHasher hasher;
    private final Facilities facilities;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final EventLog events;
    private final TransactionOperations<Connection> transactions;

    UserAccounts(UserRepository users, Organizations organizations, PasswordHasher hasher,
                 Facilities facilities, CurrentUsers currentUsers, AuditLog audit, EventLog events,
                 TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.audit = audit;
        this.users = users;
        this.organizations = organizations;
        this.hasher = hasher;
        this.facilities = facilities;
        this.currentUsers = currentUsers;
        this.events = events;
    }

    /** The {@code user.changed} payload: who, never what changed. */
    @Serdeable
    record UserChanged(long userId, String username) {
    }

    /**
     * An account made by an administrator: she chose its password, so its owner must change it at the first
     * sign-in (mustChangePassword).
     */
    @Transactional
    AccountApi.UserView create(AccountApi.NewUser request, CurrentUser admin) {
        Checks checks = new Checks();
        if (checks.required("username", request.username()) && !USERNAME.matcher(request.username()).matches()) {
            checks.fail("username", FieldCode.USERNAME_FORMAT, "must be 3-100 letters, digits or . _ @ -");
        }
        if (checks.required("password", request.password())) {
            FieldError problem = PasswordHasher.ruleBroken(request.password(), request.username());
            if (problem != null) {
                checks.fail("password", problem);
            }
        }
        Role role = checks.required("role", request.role()) ? checks.enumValue("role", request.role(), Role.class) : null;
        List<Long> facilityIds = checkAccess(checks, role, request.organization(), request.facilityIds());
        checks.throwIfAny();
        if (users.existsByUsername(request.username())) {
            throw ProblemException.conflict(ProblemCode.USERNAME_TAKEN, "That username is taken");
        }
        long id = createUser(request.username(), request.password(), role, request.organization(), facilityIds, true);
        audit.record(admin, "USER_CREATED", "USER", id);
        return view(id);
    }

    public boolean exists(String username) {
        return users.existsByUsername(username);
    }

    /**
     * The first ADMIN (HARBOUR_ADMIN_*) and the demo users: their passwords come from the operator's
     * configuration or the demo's documentation, not from an administrator's hands, so no change is forced.
     */
    @Transactional
    public long createUser(String username, String password, Role role, String organization, List<Long> facilityIds) {
        return createUser(username, password, role, organization, facilityIds, false);
    }

    private long createUser(String username, String password, Role role, String organization, List<Long> facilityIds,
                            boolean mustChangePassword) {
        Long organizationId = isBlank(organization) ? null : organizations.idFor(organization);
        User saved = users.save(new User(null, username, hasher.hash(password), role, organizationId, true,
                mustChangePassword, Instant.now()));
        facilityIds.stream().distinct().forEach(facilityId -> users.assignFacility(saved.id(), facilityId));
        forgetAfterCommit(username);
        return saved.id();
    }

    /**
     * PUT /api/users/{id}: role, organization, facilities and active, all four as the account should be. An
     * administrator may neither disable nor demote herself (another one can), and the last active ADMIN stays.
     */
    @Transactional
    AccountApi.UserView update(long id, AccountApi.UserChange request, CurrentUser admin) {
        Checks checks = new Checks();
        Role role = checks.required("role", request.role()) ? checks.enumValue("role", request.role(), Role.class) : null;
        checks.required("active", request.active());
        List<Long> facilityIds = checkAccess(checks, role, request.organization(), request.facilityIds());
        User before = users.findById(id).orElseThrow(() -> ProblemException.notFound("User"));
        checks.throwIfAny();
        boolean active = request.active();
        // in key order, before the account's own row: changes that each remove an administrator queue here
        List<Long> activeAdmins = removesAnAdmin(before, role, active) ? users.lockActiveAdminIds() : null;
        User current = users.findByIdForUpdate(id).orElseThrow(() -> ProblemException.notFound("User"));
        if (removesAnAdmin(current, role, active)) {
            if (current.id() == admin.id()) {
                throw ProblemException.conflict(ProblemCode.CANNOT_DEMOTE_YOURSELF, "You cannot disable yourself or give up your own ADMIN role; "
                        + "another administrator can");
            }
            List<Long> admins = activeAdmins != null ? activeAdmins : users.lockActiveAdminIds();
            if (admins.stream().noneMatch(other -> other != id)) {
                throw ProblemException.conflict(ProblemCode.LAST_ADMIN, current.username() + " is the last active ADMIN; "
                        + "make another administrator first", Map.of("username", current.username()));
            }
        }
        Long organizationId = isBlank(request.organization()) ? null : organizations.idFor(request.organization());
        Set<Long> facilitiesBefore = new TreeSet<>(users.findFacilityIds(id));
        Set<Long> facilitiesAfter = new TreeSet<>(facilityIds);
        boolean accessChanged = current.role() != role || !Objects.equals(current.organizationId(), organizationId)
                || !facilitiesBefore.equals(facilitiesAfter);
        boolean activeChanged = current.active() != active;
        if (!accessChanged && !activeChanged) {
            return view(current);
        }
        users.updateAccess(id, role.name(), organizationId, active);
        if (!facilitiesBefore.equals(facilitiesAfter)) {
            users.unassignAllFacilities(id);
            facilitiesAfter.forEach(facilityId -> users.assignFacility(id, facilityId));
        }
        if (accessChanged) {
            audit.record(admin, "USER_UPDATED", "USER", id);
        }
        if (activeChanged) {
            audit.record(admin, active ? "USER_ENABLED" : "USER_DISABLED", "USER", id);
        }
        changed(current);
        return view(id);
    }

    /**
     * POST /api/users/{id}/password-reset: a new random password, shown once to the administrator, that its owner
     * must change at the next sign-in. Until then her tokens reach nothing but the password change.
     */
    @Transactional
    AccountApi.TemporaryPassword resetPassword(long id, CurrentUser admin) {
        User user = users.findByIdForUpdate(id).orElseThrow(() -> ProblemException.notFound("User"));
        if (user.id() == admin.id()) {
            throw ProblemException.conflict(ProblemCode.USE_OWN_PASSWORD_CHANGE, "Change your own password with POST /api/users/me/password");
        }
        String temporary = TemporaryPasswords.generate();
        users.updatePassword(id, hasher.hash(temporary), true);
        audit.record(admin, "PASSWORD_RESET", "USER", id);
        changed(user);
        return new AccountApi.TemporaryPassword(temporary);
    }

    /**
     * Stores her own new password (already checked against the current one by the caller) and lifts a forced
     * change. The other instances hear of it only when a forced change is lifted: nothing else they cached changed.
     */
    @Transactional
    void storeOwnPassword(CurrentUser caller, String newPassword) {
        User user = users.findByIdForUpdate(caller.id()).orElseThrow(() -> ProblemException.notFound("User"));
        users.updatePassword(user.id(), hasher.hash(newPassword), false);
        audit.record(caller, "PASSWORD_CHANGED", "USER", user.id());
        if (user.mustChangePassword()) {
            changed(user);
        } else {
            forgetAfterCommit(user.username());
        }
    }

    User find(long id) {
        return users.findById(id).orElseThrow(() -> ProblemException.notFound("User"));
    }

    AccountApi.UserView view(long id) {
        return view(find(id));
    }

    private AccountApi.UserView view(User user) {
        String organization = user.organizationId() == null ? null
                : organizations.findNameById(user.organizationId()).orElse(null);
        return new AccountApi.UserView(user.id(), user.username(), user.role().name(), organization,
                users.findFacilityIds(user.id()), user.active(), user.mustChangePassword());
    }

    @Transactional(readOnly = true)
    List<AccountApi.UserView> list() {
        return users.findAll().stream().map(this::view).toList();
    }

    private static boolean removesAnAdmin(User user, Role newRole, boolean newActive) {
        return user.active() && user.role() == Role.ADMIN && (!newActive || newRole != Role.ADMIN);
    }

    /** The role's rules on organization and facilities; answers the facility ids to assign. */
    private List<Long> checkAccess(Checks checks, Role role, String organization, List<Long> requestedFacilityIds) {
        checks.text("organization", organization, 200);
        List<Long> facilityIds = requestedFacilityIds == null ? List.of() : requestedFacilityIds;
        if (role == Role.CASEWORKER && isBlank(organization)) {
            checks.fail("organization", FieldCode.REQUIRED, "is required for a caseworker");
        }
        if (role == Role.SHELTER_STAFF && facilityIds.isEmpty()) {
            checks.fail("facilityIds", FieldCode.FACILITY_REQUIRED_FOR_STAFF, "a shelter staff user needs at least one facility");
        }
        for (Long facilityId : facilityIds) {
            if (facilityId == null || !facilities.exists(facilityId)) {
                checks.fail("facilityIds", FieldCode.UNKNOWN_FACILITY, "unknown facility " + facilityId, Map.of("id", facilityId));
            }
        }
        return facilityIds.stream().distinct().toList();
    }

    /** This instance forgets her once the change commits; the others when they read user.changed (it commits with it). */
    private void changed(User user) {
        forgetAfterCommit(user.username());
        events.append(EventType.USER_CHANGED, null, null, null, new UserChanged(user.id(), user.username()));
    }

    /**
     * Forgetting before the commit is not enough: a request in between would cache what the database still said
     * for a few seconds more. So also after it (and after a rollback, which costs one read).
     */
    private void forgetAfterCommit(String username) {
        currentUsers.forget(username);
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status completion) {
                currentUsers.forget(username);
            }
        }));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
