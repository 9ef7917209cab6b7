package org.harbour.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.Problem;
import org.harbour.problem.ProblemResponseProcessor;
import org.harbour.security.CurrentUser;
import org.harbour.security.CurrentUsers;

import java.util.Optional;
import java.util.Set;

/**
 * The one place a temporary password is enforced: a user whose password an administrator set (a new account, a
 * reset) gets 403 on every request but the few she needs to replace it, whatever the route, its role rules or its
 * transport (a WebSocket handshake too). Runs after security, on callers it has let through; it reads the same short
 * cache of callers the token check has just filled, so it costs no query of its own.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PasswordChangeGate implements Ordered {

    /** The type of the 403, so a client can tell it from any other refusal and show the password change. */
    static final String PROBLEM_TYPE = "/problems/password-change-required";
    static final String DETAIL = "Change your password first: POST /api/users/me/password with your current "
            + "(temporary) password and a new one";

    /** Signing in, keeping the session, knowing who she is, and changing the password. */
    private static final Set<String> ALLOWED = Set.of(
            "POST /api/login", "POST /api/login/refresh", "GET /api/users/me", "POST /api/users/me/password");

    private final CurrentUsers currentUsers;

    PasswordChangeGate(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> gate(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty() || ALLOWED.contains(routeOf(request))) {
            return null;
        }
        boolean mustChange = currentUsers.of(authentication.get()).map(CurrentUser::mustChangePassword).orElse(false);
        if (!mustChange) {
            return null;
        }
        return HttpResponse.<Problem>status(HttpStatus.FORBIDDEN)
                .contentType(ProblemResponseProcessor.PROBLEM_JSON)
                .body(new Problem(PROBLEM_TYPE, "Password change required", 403, DETAIL, null,
                        ProblemCode.PASSWORD_CHANGE_REQUIRED, null));
    }

    private static String routeOf(HttpRequest<?> request) {
        HttpMethod method = request.getMethod() == HttpMethod.HEAD ? HttpMethod.GET : request.getMethod();
        return method.name() + " " + request.getPath();
    }
}
