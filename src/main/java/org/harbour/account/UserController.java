package org.harbour.account;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.account.AccountApi.NewUser;
import org.harbour.account.AccountApi.PasswordChange;
import org.harbour.account.AccountApi.TemporaryPassword;
import org.harbour.account.AccountApi.UserChange;
import org.harbour.account.AccountApi.UserView;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.FieldCode;
import org.harbour.problem.FieldError;
import org.harbour.problem.Checks;
import org.harbour.problem.DatabaseErrors;
import org.harbour.problem.Problem;
import org.harbour.problem.ProblemException;
import org.harbour.problem.ProblemResponseProcessor;
import org.harbour.security.ClientAddress;
import org.harbour.security.CurrentUser;

import java.util.List;
import java.util.OptionalLong;

@Controller("/api/users")
class UserController {

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;

    UserController(UserAccounts accounts, PasswordHasher hasher, LoginThrottle throttle, ClientAddress clientAddress) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @Post
    @Secured("ADMIN")
    @Status(HttpStatus.CREATED)
    UserView create(@Body NewUser request, @Parameter(hidden = true) CurrentUser admin) {
        try {
            return accounts.create(request, admin);
        } catch (DataAccessException e) {
            // Two creates of one name can both pass the existence check; the unique key decides.
            if (DatabaseErrors.isDuplicateKey(e)) {
                throw ProblemException.conflict(ProblemCode.USERNAME_TAKEN, "That username is taken");
            }
            throw e;
        }
    }

    @Get
    @Secured("ADMIN")
    List<UserView> list() {
        return accounts.list();
    }

    @Put("/{id}")
    @Secured("ADMIN")
    UserView update(@PathVariable("id") long id, @Body UserChange request, @Parameter(hidden = true) CurrentUser admin) {
        return accounts.update(id, request, admin);
    }

    @Post("/{id}/password-reset")
    @Secured("ADMIN")
    TemporaryPassword resetPassword(@PathVariable("id") long id, @Parameter(hidden = true) CurrentUser admin) {
        return accounts.resetPassword(id, admin);
    }

    @Get("/me")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    UserView me(@Parameter(hidden = true) CurrentUser user) {
        return accounts.view(user.id());
    }

    /**
     * Her own password, the current one typed again: a stolen token alone cannot take over the account. A wrong
     * current password counts against the sign-in throttle as a failed sign-in would (else this route would let
     * anyone holding a token guess passwords at leisure).
     */
    @Post("/me/password")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    HttpResponse<?> changeOwnPassword(@Body PasswordChange request, HttpRequest<?> http,
                                      @Parameter(hidden = true) CurrentUser caller) {
        Checks checks = new Checks();
        boolean hasCurrent = checks.required("currentPassword", request.currentPassword());
        if (checks.required("newPassword", request.newPassword())) {
            FieldError problem = PasswordHasher.ruleBroken(request.newPassword(), caller.username());
            if (problem != null) {
                checks.fail("newPassword", problem);
            } else if (request.newPassword().equals(request.currentPassword())) {
                checks.fail("newPassword", FieldCode.PASSWORD_UNCHANGED, "must differ from the current password");
            }
        }
        if (hasCurrent) {
            String address = clientAddress.of(http);
            OptionalLong retryAfter = throttle.tryAttempt(caller.username(), address);
            if (retryAfter.isPresent()) {
                return HttpResponse.<Problem>status(HttpStatus.TOO_MANY_REQUESTS)
                        .contentType(ProblemResponseProcessor.PROBLEM_JSON)
                        .header("Retry-After", Long.toString(retryAfter.getAsLong()))
                        .body(Problem.of(HttpStatus.TOO_MANY_REQUESTS, ProblemCode.TOO_MANY_PASSWORD_TRIES,
                                "Too many wrong passwords; try again later"));
            }
            if (hasher.matches(request.currentPassword(), accounts.find(caller.id()).passwordHash())) {
                throttle.succeeded(caller.username(), address);
            } else {
                checks.fail("currentPassword", FieldCode.WRONG_CURRENT_PASSWORD, "is not your current password");
            }
        }
        checks.throwIfAny();
        accounts.storeOwnPassword(caller, request.newPassword());
        return HttpResponse.noContent();
    }

}
