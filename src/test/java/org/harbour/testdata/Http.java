package org.harbour.testdata;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for tests (java.net.http): answers status, headers and parsed JSON for every
 * status, so error responses are asserted as easily as successes.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final URI base;
    private final String token;
    private final Map<String, String> headers;

    private Http(URI base, String token, Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.headers = headers;
    }

    public static Http at(URI base) {
        return new Http(base, null, Map.of());
    }

    public Http as(String bearerToken) {
        return new Http(base, bearerToken, headers);
    }

    public Http withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new Http(base, token, Map.copyOf(copy));
    }

    public URI base() {
        return base;
    }

    /** Signs in and returns a client that sends the token. */
    public Http login(String username, String password) {
        Reply reply = post("/api/login", Map.of("username", username, "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("login as " + username + " failed: " + reply.status() + " " + reply.body());
        }
        return as(reply.string("access_token"));
    }

    public String token() {
        return token;
    }

    public Reply get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Reply post(String path, Object body) {
        return send("POST", path, json(body), "application/json");
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, json(body), "application/json");
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public Reply send(String method, String path, String rawBody, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        request.method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rawBody));
        if (rawBody != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader); // a custom header (Accept) replaces the default
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.body(), response.headers().map());
            if (String.valueOf(reply.contentType()).startsWith("application/problem+json") && !reply.body().isEmpty()) {
                Problems.assertCoded(reply);
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Object parse(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Reply(int status, String body, Map<String, List<String>> headers) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) parse(body);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) parse(body);
        }

        public String string(String field) {
            Object value = map().get(field);
            return value == null ? null : value.toString();
        }

        public long id() {
            return ((Number) map().get("id")).longValue();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
