package org.harbour.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Controller("/api/users")
class UserController {

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Post
    @Secured("ADMIN")
    HttpResponse<UserView> create(@Body NewUser request) {
        return HttpResponse.created(accounts.create(request));
    }

    @Get
    @Secured("ADMIN")
    List<UserView> list() {
        return accounts.list();
    }

    @Get("/me")
    @Secured({"ADMIN", "SHELTER_STAFF", "CASEWORKER", "FUNDER"})
    UserView me(CurrentUser user) {
        return accounts.view(user.id());
    }

    @Serdeable
    record NewUser(@Nullable String username, @Nullable String password, @Nullable String role,
                   @Nullable String organization, @Nullable List<Long> facilityIds) {
    }

    @Serdeable
    record UserView(long id, String username, String role, @Nullable String organization, List<Long> facilityIds) {
    }
}
