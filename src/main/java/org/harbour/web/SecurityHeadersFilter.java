package org.harbour.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.harbour.security.ClientAddress;

/**
 * Browser hardening for every response, the dashboard's above all: scripts and styles only from this
 * origin (no inline script), never framed, no content sniffing, no referrer leaving the page. The built
 * dashboard's hashed assets may be cached for good; its index.html is revalidated every time. Served over
 * HTTPS (directly, or behind a trusted proxy that says so), browsers are told to use nothing else.
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

    /**
     * A year, renewed on every answer. No includeSubDomains: other hosts of the organization's domain are not
     * ours to bind to HTTPS.
     */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final ClientAddress clientAddress;

    SecurityHeadersFilter(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

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
        if (clientAddress.overHttps(request)) {
            // never over plain http: a browser ignores it there, and a proxy that does not say https may not be one
            setIfAbsent(headers, "Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
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
