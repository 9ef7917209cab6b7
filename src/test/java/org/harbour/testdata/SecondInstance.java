package org.harbour.testdata;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;

/** Another Harbour instance on the test database, as behind a load balancer: the same secret, a port of its own. */
public final class SecondInstance implements AutoCloseable {

    private final EmbeddedServer server;

    private SecondInstance(EmbeddedServer server) {
        this.server = server;
    }

    public static SecondInstance start() {
        return new SecondInstance(ApplicationContext.run(EmbeddedServer.class, new HashMap<>(TestDatabase.properties())));
    }

    /** The same user on this instance: one signing secret, so a token works on every instance. */
    public Http as(Http user) {
        return Http.at(server.getURI()).as(user.token());
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
