package org.harbour.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import org.harbour.problem.Problem;
import org.harbour.problem.ProblemResponseProcessor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

@Controller("/api/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {

    /** The users.username column holds at most this many characters; longer names cannot exist. */
    private static final int MAX_USERNAME = 100;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessRefreshTokenGenerator tokens;

    LoginController(UserRepository users, PasswordHasher hasher, LoginThrottle throttle,
                    AccessRefreshTokenGenerator tokens) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    @Post
    HttpResponse<?> login(@Body LoginRequest request, HttpRequest<?> http) {
        String username = request.username() == null ? "" : request.username().trim();
        String password = request.password() == null ? "" : request.password();
        String address = http.getRemoteAddress().getAddress().getHostAddress();

        // The database compares names case- and accent-insensitively, so "Admin" and "ádmin" find
        // "admin": failures count against the account found, never against the spelling sent.
        Optional<User> found = username.isEmpty() || username.length() > MAX_USERNAME
                ? Optional.empty() : users.findByUsername(username);
        String throttleKey = found.map(User::username).orElse(truncate(username));
        OptionalLong retryAfter = throttle.tryAttempt(throttleKey, address);
        if (retryAfter.isPresent()) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins; try again later")
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
            return problem(HttpStatus.UNAUTHORIZED, "Wrong username or password");
        }
        throttle.succeeded(throttleKey, address);
        User u = user.get();
        List<String> roles = List.of(u.role().name());
        Authentication authentication = Authentication.build(u.username(), roles, Map.of("uid", u.id()));
        var token = tokens.generate(authentication).orElseThrow();
        return HttpResponse.ok(new LoginResponse(token.getAccessToken(), "Bearer", token.getExpiresIn(),
                u.username(), roles));
    }

    private static String truncate(String username) {
        return username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
    }

    private static io.micronaut.http.MutableHttpResponse<Problem> problem(HttpStatus status, String detail) {
        return HttpResponse.<Problem>status(status)
                .contentType(ProblemResponseProcessor.PROBLEM_JSON)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), detail, null));
    }

    @Serdeable
    record LoginRequest(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    record LoginResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") Integer expiresIn,
                         String username,
                         List<String> roles) {
    }
}
