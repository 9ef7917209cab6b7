package org.harbour.faults;

import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writers that keep changing things through the API (counts, clients, holds, placements) and remember
 * every answer with its timing, so a test can tell what happened before, during and after an outage.
 */
final class OutageLoad {

    /** One call: what it was, the id it concerns (when known), its answer and when it ran (System.nanoTime). */
    record Call(String kind, long programId, Long id, Integer value, int status, String contentType, String retryAfter,
                long startNanos, long endNanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }
    }

    private final Http admin;
    private final Http caseworker;
    private final List<Long> countPrograms;
    private final long holdProgram;
    private final long placementProgram;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    OutageLoad(Http admin, Http caseworker, List<Long> countPrograms, long holdProgram, long placementProgram) {
        this.admin = admin;
        this.caseworker = caseworker;
        this.countPrograms = countPrograms;
        this.holdProgram = holdProgram;
        this.placementProgram = placementProgram;
    }

    void start() {
        running.set(true);
        for (int i = 0; i < countPrograms.size(); i++) {
            long program = countPrograms.get(i);
            Thread thread = new Thread(() -> work(program), "outage-load-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void work(long countProgram) {
        int n = 0;
        while (running.get()) {
            int available = ++n % 10;
            call("count", countProgram, null, available,
                    () -> admin.put("/api/programs/" + countProgram + "/availability", Map.of("available", available, "outOfService", 0)));
            Call client = call("client", 0, null, null, () -> caseworker.post("/api/clients",
                    Map.of("alias", Fixtures.unique("OUT"), "needs", Map.of())));
            if (client.ok()) {
                Call hold = call("hold", holdProgram, null, null, () -> caseworker.post("/api/programs/" + holdProgram + "/holds",
                        Map.of("clientId", client.id(), "minutes", 30)));
                if (hold.ok()) {
                    call("release", holdProgram, hold.id(), null, () -> caseworker.delete("/api/holds/" + hold.id()));
                }
                Call placement = call("placement", placementProgram, null, null, () -> caseworker.post("/api/placements",
                        Map.of("clientId", client.id(), "programId", placementProgram)));
                if (placement.ok()) {
                    call("end", placementProgram, placement.id(), null, () -> caseworker.post(
                            "/api/placements/" + placement.id() + "/end", Map.of("reason", "HOUSED")));
                }
            }
            pause(20);
        }
    }

    private Call call(String kind, long programId, Long knownId, Integer value, java.util.function.Supplier<Http.Reply> request) {
        long start = System.nanoTime();
        Http.Reply reply;
        try {
            reply = request.get();
        } catch (RuntimeException e) {
            reply = new Http.Reply(-1, String.valueOf(e), Map.of());
        }
        long end = System.nanoTime();
        Long id = knownId;
        if (id == null && reply.status() >= 200 && reply.status() < 300 && reply.body().startsWith("{")) {
            Map<String, Object> body = new HashMap<>(reply.map());
            Object value1 = "count".equals(kind) ? body.get("version") : body.get("id");
            id = value1 == null ? null : ((Number) value1).longValue();
        }
        Call call = new Call(kind, programId, id, value, reply.status(), reply.contentType(), reply.header("Retry-After"), start, end);
        calls.add(call);
        return call;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
