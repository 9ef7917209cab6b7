package org.harbour.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxTest {

    private final Queue<String> sent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final ScheduledExecutorService network = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stopNetwork() {
        network.shutdownNow();
    }

    @Test
    void aStuckSocketHoldsOneSendInFlightPlusTheLimitThenRefuses() {
        List<CompletableFuture<Object>> inFlight = new ArrayList<>();
        Outbox<String> outbox = new Outbox<String>(5, message -> {
            CompletableFuture<Object> never = new CompletableFuture<>();
            inFlight.add(never);
            return never;
        }, failures::incrementAndGet);

        List<Boolean> accepted = IntStream.range(0, 8).mapToObj(i -> outbox.offer("m" + i)).toList();

        assertThat(accepted).containsExactly(true, true, true, true, true, true, false, false);
        assertThat(inFlight).hasSize(1); // one send at a time, however many wait
        assertThat(outbox.size()).isEqualTo(5);
        assertThat(failures).hasValue(0); // refusing is the caller's signal, not a send failure
    }

    @Test
    void aFastSenderDrainsEverythingInOrder() {
        Outbox<String> outbox = new Outbox<String>(10, message -> {
            sent.add(message);
            return CompletableFuture.completedFuture(null);
        }, failures::incrementAndGet);

        List<String> messages = IntStream.range(0, 1_000).mapToObj(i -> "m" + i).toList();
        messages.forEach(m -> assertThat(outbox.offer(m)).isTrue());

        assertThat(sent).containsExactlyElementsOf(messages);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void sendsCompletingOnOtherThreadsKeepOrderAndOneInFlight() {
        AtomicInteger concurrentSends = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        Outbox<String> outbox = new Outbox<String>(100_000, message -> {
            mostConcurrent.accumulateAndGet(concurrentSends.incrementAndGet(), Math::max);
            sent.add(message);
            CompletableFuture<Object> done = new CompletableFuture<>();
            // the network completes sends later, on its own threads, while offers keep coming
            network.schedule(() -> {
                concurrentSends.decrementAndGet();
                done.complete(null);
            }, message.hashCode() % 3 == 0 ? 1 : 0, TimeUnit.MICROSECONDS);
            return done;
        }, failures::incrementAndGet);

        List<String> messages = IntStream.range(0, 20_000).mapToObj(i -> "m" + i).toList();
        messages.forEach(m -> assertThat(outbox.offer(m)).isTrue());

        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == messages.size() && outbox.size() == 0);
        assertThat(sent).containsExactlyElementsOf(messages);
        assertThat(mostConcurrent).hasValue(1);
    }

    @Test
    void aLongBacklogDrainsWithoutDeepRecursionWhenSendsCompleteAtOnce() {
        // A socket that was stuck comes back and completes every further send at once: the backlog
        // must drain in a loop, not one stack frame per message.
        CompletableFuture<Object> first = new CompletableFuture<>();
        Outbox<String> outbox = new Outbox<String>(200_000, message -> {
            sent.add(message);
            return message.equals("m0") ? first : CompletableFuture.completedFuture(null);
        }, failures::incrementAndGet);
        List<String> messages = IntStream.range(0, 200_000).mapToObj(i -> "m" + i).toList();
        messages.forEach(outbox::offer);

        first.complete(null);

        assertThat(sent.size()).isEqualTo(messages.size());
        assertThat(outbox.size()).isZero();
        assertThat(outbox.offer("after")).isTrue(); // and it is not stuck afterwards
        assertThat(sent).endsWith("after");
    }

    @Test
    void aFailedSendReportsTheFailure() {
        Outbox<String> outbox = new Outbox<String>(10, message -> CompletableFuture.failedFuture(new IllegalStateException("closed")),
                failures::incrementAndGet);

        outbox.offer("m0");

        assertThat(failures).hasValue(1);
    }
}
