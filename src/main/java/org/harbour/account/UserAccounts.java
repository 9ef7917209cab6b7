package org.harbour.account;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.facility.Facilities;
import org.harbour.organization.Organizations;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;
import org.harbour.security.CurrentUsers;
import org.harbour.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Creates users with their role rules: staff need facilities, caseworkers an organization. */
@Singleton
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

    private final UserRepository users;
    private final Organizations organizations;
    private final PasswordHasher hasher;
    private final Facilities facilities;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;

    UserAccounts(UserRepository users, Organizations organizations, PasswordHasher hasher,
                 Facilities facilities, CurrentUsers currentUsers, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.organizations = organizations;
        this.hasher = hasher;
        this.facilities = facilities;
        this.currentUsers = currentUsers;
    }

    @Transactional
    AccountApi.UserView create(AccountApi.NewUser request, CurrentUser admin) {
        Checks checks = new Checks();
        if (checks.required("username", request.username()) && !USERNAME.matcher(request.username()).matches()) {
            checks.fail("username", "must be 3-100 letters, digits or . _ @ -");
        }
        if (checks.required("password", request.password())) {
            String problem = PasswordHasher.problemWith(request.password(), request.username());
            if (problem != null) {
                checks.fail("password", problem);
            }
        }
        Role role = checks.required("role", request.role()) ? checks.enumValue("role", request.role(), Role.class) : null;
        checks.text("organization", request.organization(), 200);
        List<Long> facilityIds = request.facilityIds() == null ? List.of() : request.facilityIds();
        if (role == Role.CASEWORKER && isBlank(request.organization())) {
            checks.fail("organization", "is required for a caseworker");
        }
        if (role == Role.SHELTER_STAFF && facilityIds.isEmpty()) {
            checks.fail("facilityIds", "a shelter staff user needs at least one facility");
        }
        for (Long facilityId : facilityIds) {
            if (facilityId == null || !facilities.exists(facilityId)) {
                checks.fail("facilityIds", "unknown facility " + facilityId);
            }
        }
        checks.throwIfAny();
        if (users.existsByUsername(request.username())) {
            throw new ProblemException(HttpStatus.CONFLICT, "That username is taken");
        }
        long id = createUser(request.username(), request.password(), role, request.organization(), facilityIds);
        audit.record(admin, "USER_CREATED", "USER", id);
        return view(id);
    }

    public boolean exists(String username) {
        return users.existsByUsername(username);
    }

    /** Also used at start for the first ADMIN and the demo users. */
    @Transactional
    public long createUser(String username, String password, Role role, String organization, List<Long> facilityIds) {
        Long organizationId = isBlank(organization) ? null : organizations.idFor(organization);
        User saved = users.save(new User(null, username, hasher.hash(password), role, organizationId, true, Instant.now()));
        facilityIds.stream().distinct().forEach(facilityId -> users.assignFacility(saved.id(), facilityId));
        currentUsers.forget(username);
        return saved.id();
    }

    AccountApi.UserView view(long id) {
        User user = users.findById(id).orElseThrow(() -> ProblemException.notFound("User"));
        String organization = user.organizationId() == null ? null
                : organizations.findNameById(user.organizationId()).orElse(null);
        return new AccountApi.UserView(user.id(), user.username(), user.role().name(), organization,
                users.findFacilityIds(user.id()));
    }

    List<AccountApi.UserView> list() {
        return users.findAll().stream().map(u -> view(u.id())).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
