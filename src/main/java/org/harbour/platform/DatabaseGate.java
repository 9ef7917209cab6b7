package org.harbour.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * While the database is known to be down, API and WebSocket requests get their 503 with Retry-After at
 * once instead of each waiting out the pool's timeout (before authentication, which needs the database
 * too). The dashboard's files, /health and /prometheus are still served.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class DatabaseGate implements Ordered {

    private final DatabaseStatus status;

    DatabaseGate(DatabaseStatus status) {
        this.status = status;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> gate(HttpRequest<?> request) {
        String path = request.getPath();
        if (status.isDown() && (path.startsWith("/api/") || path.startsWith("/ws/"))) {
            return ServiceUnavailable.response();
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
