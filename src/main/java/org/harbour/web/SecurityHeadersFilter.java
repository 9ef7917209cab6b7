package org.harbour.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Browser hardening for every response, the dashboard's above all: scripts and styles only from this
 * origin (no inline script), never framed, no content sniffing, no referrer leaving the page. The built
 * dashboard's hashed assets may be cached for good; its index.html is revalidated every time.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Ahead of security, so its refusals (401, 403) carry the headers too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        setIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        setIfAbsent(headers, "Cross-Origin-Opener-Policy", "same-origin");
        setIfAbsent(headers, "Cross-Origin-Resource-Policy", "same-origin");
        String path = request.getPath();
        if (path.startsWith("/api/")) {
            // answers may name clients: no browser cache or shared proxy may keep a copy
            headers.set("Cache-Control", "no-store");
        } else if (path.startsWith("/assets/") && response.code() == 200) {
            headers.set("Cache-Control", "public, max-age=31536000, immutable");
        } else if (path.equals("/") || path.equals("/index.html")) {
            headers.set("Cache-Control", "no-cache");
        }
    }

    private static void setIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
