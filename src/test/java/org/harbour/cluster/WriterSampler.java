package org.harbour.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which nodes take writes, second by second: every 250 ms it reads each node's wsrep_local_commits (transactions
 * committed by clients of that node, not ones replicated to it). A node that restarts counts from zero again.
 */
final class WriterSampler {

    private static final long PERIOD_MILLIS = 250;

    private final GaleraCluster cluster;
    private final int nodes;
    private final long[] last;
    private final long[] gained;
    /** Commits gained per node in each second since start. */
    private final Map<Long, long[]> perSecond = new TreeMap<>();
    private final Map<String, long[]> marks = new LinkedHashMap<>();
    private final Map<Long, String> markSeconds = new TreeMap<>();
    private boolean firstSample = true;
    private volatile boolean running;
    private Thread thread;
    private long startNanos;

    WriterSampler(GaleraCluster cluster) {
        this.cluster = cluster;
        this.nodes = 3;
        this.last = new long[nodes + 1];
        this.gained = new long[nodes + 1];
    }

    void start() {
        startNanos = System.nanoTime();
        sample();
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        }, "writer-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        if (thread != null && running) {
            running = false;
            thread.join(10_000);
            sample();
        }
    }

    /** Remembers how much each node had gained at this moment (a kill, a rejoin). */
    synchronized void mark(String label) {
        sampleLocked();
        marks.put(label, gained.clone());
        markSeconds.put((System.nanoTime() - startNanos) / 1_000_000_000L, label);
    }

    synchronized long gained(int node) {
        return gained[node];
    }

    synchronized long gainedBefore(String label, int node) {
        return marks.get(label)[node];
    }

    /** Seconds in which more than one node took writes. */
    synchronized long mixedSeconds() {
        return perSecond.values().stream().filter(b -> java.util.Arrays.stream(b).filter(n -> n > 0).count() > 1).count();
    }

    /** "0s:1 1s:1 ... 5s:- 6s:2 ...": the nodes that took writes in each second, '-' for none, '+' joins two. */
    synchronized String timeline() {
        StringBuilder line = new StringBuilder();
        for (var second : perSecond.entrySet()) {
            TreeSet<Integer> writers = new TreeSet<>();
            for (int node = 1; node <= nodes; node++) {
                if (second.getValue()[node] > 0) {
                    writers.add(node);
                }
            }
            String label = markSeconds.get(second.getKey());
            line.append(second.getKey()).append("s:")
                    .append(writers.isEmpty() ? "-" : String.join("+", writers.stream().map(String::valueOf).toList()))
                    .append(label == null ? "" : "(" + label + ")").append(' ');
        }
        return line.toString().trim();
    }

    private synchronized void sample() {
        sampleLocked();
    }

    private void sampleLocked() {
        long second = (System.nanoTime() - startNanos) / 1_000_000_000L;
        long[] bucket = perSecond.computeIfAbsent(second, s -> new long[nodes + 1]);
        for (int node = 1; node <= nodes; node++) {
            long now = cluster.node(node).statusNumber("wsrep_local_commits");
            if (now < 0) {
                continue; // down
            }
            long delta = now >= last[node] ? now - last[node] : now; // restarted: counting from zero again
            last[node] = now;
            if (delta > 0 && !firstSample) {
                gained[node] += delta;
                bucket[node] += delta;
            }
        }
        firstSample = false;
    }
}
