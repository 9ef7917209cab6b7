package org.harbour.live;

import org.harbour.testdata.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Writers racing through HTTP: each thread reports counts for the programs in turn, all at once. */
final class Race {

    private Race() {
    }

    /**
     * Runs {@code threads} writers spread over the given clients (one per instance, say), each making
     * {@code puts} reports; returns when every report has been answered 200.
     */
    static void report(List<Http> clients, int threads, int puts, List<Long> programs, int capacity) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Http client = clients.get(t % clients.size());
                int writer = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < puts; i++) {
                        long program = programs.get((writer + i) % programs.size());
                        Http.Reply reply = client.put("/api/programs/" + program + "/availability",
                                Map.of("available", (writer * 7 + i) % (capacity + 1)));
                        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            start.countDown(); // all threads begin together, so their transactions overlap
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
