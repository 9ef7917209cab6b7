package org.harbour.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in HTTP/1.1 client of the real API; bodies are small JSON strings, read with a regex. */
final class Api {

    record Reply(int status, String body) {
        long number(String field) {
            Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no " + field + " in " + status + " " + body);
            }
            return Long.parseLong(m.group(1));
        }

        Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected " + expected + " but got " + status + ": "
                        + body.substring(0, Math.min(body.length(), 400)));
            }
            return this;
        }
    }

    /** The objects in a bed request's answer's "matches" array (strings skipped, so a bracket in a name is not one). */
    static int countMatches(String body) {
        int at = body.indexOf("\"matches\":[");
        if (at < 0) {
            return 0;
        }
        int depth = 0;
        int objects = 0;
        boolean inString = false;
        for (int i = at + "\"matches\":[".length(); i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (depth == 0 && c == '{') {
                    objects++;
                }
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return objects; // the array's own ]
                }
                depth--;
            }
        }
        return objects;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bench-http");
                t.setDaemon(true);
                return t;
            }))
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static Api login(String base, String username, String password) throws IOException, InterruptedException {
        Reply reply = new Api(base, null).send("POST", "/api/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").expect(200);
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(reply.body());
        m.find();
        return new Api(base, m.group(1));
    }

    String token() {
        return token;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    Reply put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json);
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, "application/json");
    }

    Reply send(String method, String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
