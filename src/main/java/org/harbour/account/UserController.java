package org.harbour.account;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import org.harbour.account.AccountApi.NewUser;
import org.harbour.account.AccountApi.UserView;
import org.harbour.problem.DatabaseErrors;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api/users")
class UserController {

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
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
                throw ProblemException.conflict("That username is taken");
            }
            throw e;
        }
    }

    @Get
    @Secured("ADMIN")
    List<UserView> list() {
        return accounts.list();
    }

    @Get("/me")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    UserView me(@Parameter(hidden = true) CurrentUser user) {
        return accounts.view(user.id());
    }

}
