package org.harbour.client;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import org.harbour.client.Clients.ClientView;
import org.harbour.client.Clients.NewClient;
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
    HttpResponse<ClientView> create(@Body NewClient request, CurrentUser user) {
        return HttpResponse.created(clients.create(request, user));
    }

    @Get
    List<ClientView> list(CurrentUser user) {
        return clients.list(user);
    }

    @Get("/{id}")
    ClientView show(@PathVariable long id, CurrentUser user) {
        return clients.read(id, user);
    }
}
