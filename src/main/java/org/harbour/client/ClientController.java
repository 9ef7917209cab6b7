package org.harbour.client;

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
import org.harbour.client.ClientApi.ClientUpdate;
import org.harbour.client.ClientApi.ClientView;
import org.harbour.client.ClientApi.NewClient;
import org.harbour.security.CurrentUser;

import java.util.List;

@Controller("/api/clients")
@Secured({"CASEWORKER", "ADMIN"})
class ClientController {

    private final Clients clients;

    ClientController(Clients clients) {
        this.clients = clients;
    }

    @Post
    @Status(HttpStatus.CREATED)
    ClientView create(@Body NewClient request, @Parameter(hidden = true) CurrentUser user) {
        return clients.create(request, user);
    }

    @Get
    List<ClientView> list(@Parameter(hidden = true) CurrentUser user) {
        return clients.list(user);
    }

    @Put("/{id}")
    ClientView update(@PathVariable long id, @Body ClientUpdate request, @Parameter(hidden = true) CurrentUser user) {
        return clients.update(id, request, user);
    }

    @Get("/{id}")
    ClientView show(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
        return clients.read(id, user);
    }
}
