package org.harbour.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.account.AccountApi.LoginRequest;
import org.harbour.account.AccountApi.LoginResponse;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.Problem;
import org.harbour.problem.ProblemResponseProcessor;
import org.harbour.security.ClientAddress;
import org.harbour.security.CurrentUser;
import org.harbour.security.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

@Controller("/api/login")
class LoginController {

    /** When the user last typed a password (epoch seconds): a refresh keeps it, so a session cannot outlive maxSession. */
    static final String AUTH_TIME = "auth_time";

    /** The users.username column holds at most this many characters; longer names cannot exist. */
    private static final int MAX_USERNAME = 100;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessRefreshTokenGenerator tokens;
    private final ClientAddress clientAddress;
    private final Clock clock;
    private final Duration maxSession;

    LoginController(UserRepository users, PasswordHasher hasher, LoginThrottle throttle,
                    AccessRefreshTokenGenerator tokens, ClientAddress clientAddress, Clock clock,
                    @Value("${harbour.security.max-session:PT12H}") Duration maxSession) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
        this.clock = clock;
        this.maxSession = maxSession;
    }

    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> login(@Body LoginRequest request, HttpRequest<?> http) {
        String username = request.username() == null ? "" : request.username().trim();
        String password = request.password() == null ? "" : request.password();
        String address = clientAddress.of(http);

        // Failures count against the name as typed (normalized alike for every name), never against the
        // account the database finds for it: whether that account exists must not change the count.
        String throttleKey = truncate(username);
        OptionalLong retryAfter = throttle.tryAttempt(throttleKey, address);
        // The database compares names case- and accent-insensitively, so "ádmin" finds "admin": only the
        // account's own name, in any case, signs in to it.
        Optional<User> found = username.isEmpty() || username.length() > MAX_USERNAME
                ? Optional.empty() : users.findByUsername(username);
        if (retryAfter.isPresent()) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, ProblemCode.TOO_MANY_SIGN_INS, "Too many failed sign-ins; try again later")
                    .header("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        Optional<User> user = found.filter(u -> u.active() && u.username().equalsIgnoreCase(username));
        boolean verified;
        if (user.isPresent()) {
            verified = hasher.matches(password, user.get().passwordHash());
        } else {
            hasher.burnTime(password);
            verified = false;
        }
        if (!verified) {
            return problem(HttpStatus.UNAUTHORIZED, ProblemCode.BAD_CREDENTIALS, "Wrong username or password");
        }
        throttle.succeeded(throttleKey, address);
        User u = user.get();
        return HttpResponse.ok(token(u.id(), u.username(), u.role(), clock.instant().getEpochSecond(), u.mustChangePassword()));
    }

    /**
     * A fresh token for a still-valid one, so a dashboard left open overnight keeps working without
     * the password being typed again; never past maxSession after the last sign-in, and never for a
     * user who has been disabled (the token would not have been accepted) or a feed key (no role here).
     */
    @Post("/refresh")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    HttpResponse<?> refresh(Authentication authentication, @Parameter(hidden = true) CurrentUser user) {
        long signedInAt = authentication.getAttributes().get(AUTH_TIME) instanceof Number n ? n.longValue() : 0L;
        if (Instant.ofEpochSecond(signedInAt).plus(maxSession).isBefore(clock.instant())) {
            return problem(HttpStatus.UNAUTHORIZED, ProblemCode.SIGN_IN_AGAIN, "Sign in again");
        }
        return HttpResponse.ok(token(user.id(), user.username(), user.role(), signedInAt, user.mustChangePassword()));
    }

    /** mustChangePassword: the dashboard shows the password change first; every other route answers 403 until then. */
    private LoginResponse token(long id, String username, Role role, long signedInAt, boolean mustChangePassword) {
        List<String> roles = List.of(role.name());
        Authentication authentication = Authentication.build(username, roles, Map.of("uid", id, AUTH_TIME, signedInAt));
        var token = tokens.generate(authentication).orElseThrow();
        return new LoginResponse(token.getAccessToken(), "Bearer", token.getExpiresIn(), username, roles, mustChangePassword);
    }

    private static String truncate(String username) {
        return username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
    }

    private static io.micronaut.http.MutableHttpResponse<Problem> problem(HttpStatus status, ProblemCode code, String detail) {
        return HttpResponse.<Problem>status(status)
                .contentType(ProblemResponseProcessor.PROBLEM_JSON)
                .body(Problem.of(status, code, detail));
    }

}
