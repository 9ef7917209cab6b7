package org.harbour.cluster;

import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The day's work through several instances at once: caseworkers holding a bed and releasing it again on a few
 * programs, and staff reporting counts. Every answer is kept with its timing, so a test can tell what was
 * acknowledged, and what happened before, during and after a node died.
 */
final class ClusterLoad {

    enum Kind { HOLD, RELEASE, COUNT }

    /** One call: what, through which instance, on which program, the id it made (hold id, count version), its answer. */
    record Call(Kind kind, String instance, long programId, Long id, Integer value, int status, String retryAfter,
                boolean crossed, long startNanos, long endNanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The status, and for a 409 whether it was transactions that kept crossing (retries ran out) or no bed left. */
        String outcome() {
            return status + (crossed ? " crossed" : "");
        }

        @Override
        public String toString() {
            return kind + " via " + instance + " on " + programId + (id == null ? "" : " #" + id) + " -> " + outcome();
        }
    }

    /** A caseworker signed in at one instance, with a client of their own to hold beds for. */
    record Caseworker(String instance, Http http) {
    }

    /** Staff of a counted program, signed in at one instance. */
    record Staff(String instance, Http http, long programId) {
    }

    private final List<Caseworker> caseworkers;
    private final List<Long> holdPrograms;
    private final List<Staff> staff;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    ClusterLoad(List<Caseworker> caseworkers, List<Long> holdPrograms, List<Staff> staff) {
        this.caseworkers = caseworkers;
        this.holdPrograms = holdPrograms;
        this.staff = staff;
    }

    void start() {
        running.set(true);
        for (int i = 0; i < caseworkers.size(); i++) {
            Caseworker caseworker = caseworkers.get(i);
            int first = i;
            threads.add(started(new Thread(() -> holdAndRelease(caseworker, first), "cluster-caseworker-" + i)));
        }
        for (int i = 0; i < staff.size(); i++) {
            Staff member = staff.get(i);
            int offset = i;
            threads.add(started(new Thread(() -> report(member, offset), "cluster-staff-" + i)));
        }
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
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

    /** How many answers of each kind and outcome: {HOLD={201=.., 409=.., 409 crossed=..}, ...}. */
    static Map<Kind, Map<String, Long>> outcomes(List<Call> calls) {
        return calls.stream().collect(Collectors.groupingBy(Call::kind, TreeMap::new,
                Collectors.groupingBy(Call::outcome, TreeMap::new, Collectors.counting())));
    }

    private void holdAndRelease(Caseworker caseworker, int first) {
        long client = newClient(caseworker);
        int n = first;
        while (running.get()) {
            long program = holdPrograms.get(n++ % holdPrograms.size());
            long chosen = client;
            Call hold = call(Kind.HOLD, caseworker.instance(), program, null, null, () -> caseworker.http().post(
                    "/api/programs/" + program + "/holds", Map.of("clientId", chosen, "minutes", 30)));
            if (hold.ok()) {
                pause(10); // a caseworker phones the shelter, then lets the bed go
                // a release that met the switch (503) or kept crossing others (409) is tried again after a pause, as a
                // caseworker would: the bed must go back
                for (int attempt = 0; attempt < 40; attempt++) {
                    Call release = call(Kind.RELEASE, caseworker.instance(), program, hold.id(), null,
                            () -> caseworker.http().delete("/api/holds/" + hold.id()));
                    if (release.ok() || release.status() == 404 || (release.status() == 409 && !release.crossed())) {
                        break;
                    }
                    pause(250);
                }
            } else if (hold.status() != 409) {
                // the answer was lost (a 503 as the node died) though the hold may have been made: the person
                // gets a fresh record so the per-client limit never holds the rest of the run up
                client = newClient(caseworker);
            }
            pause(5);
        }
    }

    private void report(Staff member, int offset) {
        int n = offset;
        while (running.get()) {
            int available = ++n % 10;
            call(Kind.COUNT, member.instance(), member.programId(), null, available, () -> member.http().put(
                    "/api/programs/" + member.programId() + "/availability", Map.of("available", available, "outOfService", 0)));
            pause(20);
        }
    }

    private long newClient(Caseworker caseworker) {
        while (true) {
            Http.Reply reply = send(() -> caseworker.http().post("/api/clients",
                    Map.of("alias", Fixtures.unique("Cluster").replace(' ', '-'))));
            if (reply.status() == 201) {
                return reply.id();
            }
            pause(250);
        }
    }

    private Call call(Kind kind, String instance, long programId, Long knownId, Integer value, Supplier<Http.Reply> request) {
        long start = System.nanoTime();
        Http.Reply reply = send(request);
        long end = System.nanoTime();
        Long id = knownId;
        if (id == null && reply.status() >= 200 && reply.status() < 300 && reply.body().startsWith("{")) {
            Object made = reply.map().get(kind == Kind.COUNT ? "version" : "id");
            id = made == null ? null : ((Number) made).longValue();
        }
        // DatabaseUnavailableHandler's words for a conflict the retries could not get past
        boolean crossed = reply.status() == 409 && reply.body().contains("concurrent change");
        Call call = new Call(kind, instance, programId, id, value, reply.status(), reply.header("Retry-After"), crossed, start, end);
        calls.add(call);
        return call;
    }

    private static Http.Reply send(Supplier<Http.Reply> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            return new Http.Reply(-1, String.valueOf(e), Map.of());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
