package org.harbour.cluster;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.harbour.cluster.ClusterLoad.Call;
import org.harbour.cluster.ClusterLoad.Caseworker;
import org.harbour.cluster.ClusterLoad.Kind;
import org.harbour.cluster.ClusterLoad.Staff;
import org.harbour.faults.ResumingListener;
import org.harbour.testdata.Fixtures;
import org.harbour.testdata.HarbourTest;
import org.harbour.testdata.Http;
import org.harbour.testdata.LiveClient;
import org.harbour.testdata.SqlAt;
import org.harbour.testdata.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 items 2 and 4: Harbour on a three-node MariaDB Galera cluster (the distribution's mariadbd 10.11 and
 * galera-4 on loopback ports). Two instances are given the nodes in Connector/J's failover syntax, as an operator
 * writes DATASOURCES_DEFAULT_URL; under load (holds and releases, count updates, four live listeners) the node they
 * write through is killed, and later rejoins. Then two instances write through two different nodes at once, which
 * only the retries of crossing transactions keep free of errors.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class GaleraClusterTest implements HarbourTest {

    static final int NODES = 3;
    static final int BEDS = 4;
    static final int CASEWORKERS = 8;
    /**
     * Harbour's own share of the pause after the node it writes through dies: from the moment the surviving nodes have
     * installed a view without it (Galera's part: evs.suspect_timeout, 5 s, then the new view, which took 5-11 s on a
     * busy 2-core machine) to the first write answered again, and to the last 503.
     */
    static final Duration SERVICE_BACK = Duration.ofSeconds(5);
    static final Duration BEFORE_KILL = Duration.ofSeconds(4);
    static final Duration DOWN = Duration.ofSeconds(6);
    /** The load goes on this long once the killed node has caught up: its return must not disturb anything. */
    static final Duration AFTER_REJOIN = Duration.ofSeconds(5);
    static final Duration MULTI_PRIMARY = Duration.ofSeconds(15);
    static final Duration WAIT = Duration.ofSeconds(30);

    GaleraCluster cluster;
    Map<String, String> properties;

    @Inject
    EmbeddedServer a;

    EmbeddedServer b;
    final List<EmbeddedServer> singleNodeInstances = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        if (properties != null) {
            return properties;
        }
        cluster = GaleraCluster.start(Path.of("target", "galera-cluster").toAbsolutePath(), NODES);
        properties = Map.copyOf(TestDatabase.propertiesFor(cluster.failoverUrl(), GaleraCluster.USER, GaleraCluster.PASSWORD,
                Map.of("harbour.database.embedded", "false")));
        return properties;
    }

    @BeforeAll
    void startSecondInstance() {
        b = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties)); // same URL, same secret
    }

    @AfterAll
    void stopEverything() {
        try {
            for (EmbeddedServer instance : singleNodeInstances) {
                instance.getApplicationContext().close();
            }
            if (b != null && b.isRunning()) {
                b.getApplicationContext().close();
            }
        } finally {
            if (cluster != null) {
                a.getApplicationContext().close(); // the pool goes before the nodes it talks to
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theNodeBeingWrittenToDiesUnderLoadAndBothInstancesCarryOnThroughTheNext() throws Exception {
        System.out.printf("CLUSTER: MariaDB %s, %d Galera nodes Synced in %d ms; URL %s%n",
                cluster.version(), NODES, cluster.startMillis(), cluster.failoverUrl());
        Fixtures fixtures = new Fixtures(a.getURI());
        Http admin = fixtures.admin();
        Scenario scenario = Scenario.create(fixtures, Map.of("A", a.getURI(), "B", b.getURI()), false);
        WriterSampler writers = new WriterSampler(cluster);
        ClusterLoad load = scenario.load();

        List<ResumingListener> listeners = new ArrayList<>();
        try {
            for (URI instance : List.of(a.getURI(), a.getURI(), b.getURI(), b.getURI())) {
                listeners.add(new ResumingListener(instance, admin.token()));
            }
            writers.start();
            load.start();
            Thread.sleep(BEFORE_KILL.toMillis());

            GaleraNode first = cluster.node(1);
            first.kill();
            long killed = System.nanoTime();
            writers.mark("node1 killed");
            long viewWithout = awaitViewWithout(cluster.node(2), killed);
            Duration back = awaitWriteAfter(load, killed);
            Thread.sleep(Math.max(0, DOWN.toMillis() - millisSince(killed)));

            long restarting = System.nanoTime();
            first.restartAfterCrash();
            first.awaitSynced(GaleraCluster.JOIN);
            long rejoinMillis = millisSince(restarting);
            writers.mark("node1 Synced");
            Thread.sleep(AFTER_REJOIN.toMillis());
            load.stop();
            writers.stop();

            List<Call> calls = load.calls();
            long lastNot2xx = calls.stream().filter(c -> c.endNanos() > killed && !c.ok() && c.status() != 409)
                    .mapToLong(Call::endNanos).max().orElse(killed);
            Duration galeraPause = Duration.ofNanos(viewWithout - killed);
            System.out.printf("CLUSTER: node1 killed %d ms into the load; the surviving nodes had a view without it %d ms"
                            + " after the kill; the first write started after the kill was answered %d ms after it, the"
                            + " last 503 %d ms after; node1 rejoined (state transfer %s) and was Synced %d ms after its"
                            + " restart (recovery included)%n", BEFORE_KILL.toMillis(), galeraPause.toMillis(),
                    back.toMillis(), (lastNot2xx - killed) / 1_000_000, first.stateTransfer(), rejoinMillis);
            report("failover", calls, killed, galeraPause.plus(SERVICE_BACK));
            System.out.println("CLUSTER: writes per node (wsrep_local_commits gained), per second: " + writers.timeline());
            System.out.printf("CLUSTER: commits through node1 after the kill: %d; seconds in which two nodes took writes: %d%n",
                    writers.gained(1) - writers.gainedBefore("node1 killed", 1), writers.mixedSeconds());

            SqlAt sql = cluster.sqlAt(2);
            assertNoServerErrors(calls);
            assertThat(back.minus(galeraPause)).as("writes answered again after the cluster's new view")
                    .isLessThan(SERVICE_BACK);
            assertThat(calls.stream().filter(c -> !c.ok() && c.status() != 409 && c.startNanos() > viewWithout + SERVICE_BACK.toNanos()))
                    .as("5xx later than %s after the cluster's new view", SERVICE_BACK).isEmpty();
            // a 409 is a hold finding no bed, or (rarely, while writes briefly go through two nodes) retries run out, or
            // a release tried again after its first attempt's answer was lost as the node died (a 503 or no answer,
            // though the release committed): the hold "has already ended", which is the truth
            assertThat(calls.stream().filter(c -> c.status() == 409 && c.kind() != Kind.HOLD && !c.crossed()
                            && !releaseTriedAgainAfterALostAnswer(calls, c)))
                    .as("409 other than no bed left, crossing or a release whose first answer was lost").isEmpty();
            assertNothingAcknowledgedLost(sql, calls, true);
            assertNoOverbooking(sql, scenario.holdPrograms(), true);
            // one writer node at a time: node1, then node2 after the kill; node3 never
            assertThat(writers.gained(3)).as("commits made through node3").isZero();
            assertThat(writers.gainedBefore("node1 killed", 2)).as("commits made through node2 before the kill").isZero();
            assertEveryListenerGetsEveryEventOnceInOrder(admin, sql, listeners, scenario.sentinel());
        } finally {
            load.stop();
            writers.stop();
            listeners.forEach(ResumingListener::close);
        }
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void twoInstancesWritingThroughTwoNodesAtOnceKeepTheCountsExact() throws Exception {
        for (int node = 1; node <= NODES; node++) {
            cluster.node(node).awaitSynced(GaleraCluster.JOIN);
        }
        b.getApplicationContext().close(); // A stays for the fixtures; C and D do the work
        EmbeddedServer onNode1 = singleNode(1);
        EmbeddedServer onNode2 = singleNode(2);
        Fixtures fixtures = new Fixtures(onNode1.getURI());
        Scenario scenario = Scenario.create(fixtures, Map.of("C@node1", onNode1.getURI(), "D@node2", onNode2.getURI()), true);
        // Galera applies another node's writes a moment after they commit: a causal read on node2 waits until it has
        // applied everything so far, so D knows the accounts and programs just made through C
        cluster.sqlAt(2).number("SELECT COUNT(*) FROM users");
        Map<Integer, Long> aborts = conflicts();
        WriterSampler writers = new WriterSampler(cluster);
        ClusterLoad load = scenario.load();
        try {
            writers.start();
            load.start();
            Thread.sleep(MULTI_PRIMARY.toMillis());
        } finally {
            load.stop();
            writers.stop();
        }
        List<Call> calls = load.calls();
        Map<Integer, Long> after = conflicts();
        System.out.printf("CLUSTER: two instances on two nodes for %d s: transactions undone by the cluster and run again"
                        + " (certification failures + brute-force aborts + deadlocks) per node %s%n", MULTI_PRIMARY.toSeconds(),
                after.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - aborts.getOrDefault(e.getKey(), 0L))));
        report("multi-primary", calls);
        System.out.println("CLUSTER: writes per node (wsrep_local_commits gained), per second: " + writers.timeline());

        SqlAt sql = cluster.sqlAt(3);
        assertNoServerErrors(calls);
        assertThat(calls.stream().filter(c -> c.status() == 503)).as("503 with every node up").isEmpty();
        assertThat(writers.gained(1)).as("commits through node1").isPositive();
        assertThat(writers.gained(2)).as("commits through node2").isPositive();
        assertNothingAcknowledgedLost(sql, calls, false);
        assertNoOverbooking(sql, scenario.holdPrograms(), false);
        assertCountsFollowTheirLastAcknowledgedVersion(sql, calls, scenario.countPrograms());
        List<Long> everyProgram = new ArrayList<>(scenario.holdPrograms());
        everyProgram.addAll(scenario.countPrograms());
        reportVersionsCommittedTwice(sql, everyProgram);
    }

    private EmbeddedServer singleNode(int node) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put("harbour.database.url", cluster.urlOf(node));
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config);
        singleNodeInstances.add(server);
        return server;
    }

    /** Per node: transactions the cluster undid (certification failures, brute-force aborts) plus InnoDB deadlocks. */
    private Map<Integer, Long> conflicts() {
        Map<Integer, Long> byNode = new HashMap<>();
        for (int node = 1; node <= NODES; node++) {
            GaleraNode n = cluster.node(node);
            byNode.put(node, n.statusNumber("wsrep_local_cert_failures") + n.statusNumber("wsrep_local_bf_aborts")
                    + n.statusNumber("Innodb_deadlocks"));
        }
        return byNode;
    }

    private static void report(String phase, List<Call> calls) {
        System.out.printf("CLUSTER: %s: %d requests, answers by kind and status %s%n", phase, calls.size(), ClusterLoad.outcomes(calls));
    }

    /** As above, and the answers to the requests made from the kill until Harbour's share of the pause was over. */
    private static void report(String phase, List<Call> calls, long killed, Duration pause) {
        report(phase, calls);
        List<Call> around = calls.stream().filter(c -> c.endNanos() > killed && c.startNanos() < killed + pause.toNanos()).toList();
        System.out.printf("CLUSTER: %s: %d requests in the %d ms from the kill, answers %s%n", phase, around.size(),
                pause.toMillis(), ClusterLoad.outcomes(around));
    }

    /**
     * When a surviving node reports a cluster without the dead node: the end of Galera's own pause, which no client can
     * shorten. Answers System.nanoTime() then.
     */
    private static long awaitViewWithout(GaleraNode survivor, long killed) throws InterruptedException {
        long deadline = killed + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (survivor.statusNumber("wsrep_cluster_size") == NODES - 1) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the surviving nodes had no view without the killed one within " + WAIT);
    }

    /** An earlier attempt to release the same hold got no answer or a 503 (its commit may have landed all the same). */
    private static boolean releaseTriedAgainAfterALostAnswer(List<Call> calls, Call release) {
        return release.kind() == Kind.RELEASE && calls.stream().anyMatch(c -> c.kind() == Kind.RELEASE
                && release.id().equals(c.id()) && c.endNanos() <= release.startNanos() && (c.status() == 503 || c.status() < 0));
    }

    private static void assertNoServerErrors(List<Call> calls) {
        assertThat(calls).as("requests").isNotEmpty();
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.ok() || call.status() == 409 || call.status() == 503).as("%s: 2xx, 409 or 503", call).isTrue();
            if (call.status() == 503) {
                assertThat(call.retryAfter()).as("%s carries Retry-After", call).isNotBlank();
            }
        });
        assertThat(calls.stream().filter(c -> c.kind() == Kind.HOLD && c.status() == 201)).as("holds made").isNotEmpty();
        assertThat(calls.stream().filter(c -> c.kind() == Kind.COUNT && c.ok())).as("counts reported").isNotEmpty();
    }

    /**
     * Every acknowledged hold, release and count report is in the database. With {@code oneVersionEach} a count
     * report's version is its own; through two nodes at once another row may repeat it (see
     * {@link #reportVersionsCommittedTwice}), so there it must only be there.
     */
    private static void assertNothingAcknowledgedLost(SqlAt sql, List<Call> calls, boolean oneVersionEach) {
        int checked = 0;
        for (Call c : calls) {
            if (!c.ok()) {
                continue;
            }
            checked++;
            switch (c.kind()) {
                case HOLD -> assertThat(sql.number("SELECT COUNT(*) FROM holds WHERE id = ? AND program_id = ?", c.id(), c.programId()))
                        .as("%s", c).isEqualTo(1);
                case RELEASE -> assertThat(sql.number("SELECT COUNT(*) FROM holds WHERE id = ? AND status = 'RELEASED'", c.id()))
                        .as("%s", c).isEqualTo(1);
                case COUNT -> {
                    long rows = sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ? AND version = ?"
                            + " AND available = ?", c.programId(), c.id(), c.value());
                    if (oneVersionEach) {
                        assertThat(rows).as("%s", c).isEqualTo(1);
                    } else {
                        assertThat(rows).as("%s", c).isPositive();
                    }
                }
            }
        }
        System.out.printf("CLUSTER: %d acknowledged writes, every one found afterwards%n", checked);
    }

    /**
     * Held is what the active holds say, never more than the beds available, in every version the counts went through.
     * With {@code oneVersionEach} every change has a version of its own; through two nodes at once that is not so yet
     * (see {@link #reportVersionsCommittedTwice}).
     */
    private static void assertNoOverbooking(SqlAt sql, List<Long> programs, boolean oneVersionEach) {
        for (long program : programs) {
            assertThat(sql.rows("SELECT available, held FROM availability WHERE program_id = ?", program))
                    .as("program %d", program).containsExactly(Map.of("available", BEDS,
                            "held", (int) sql.number("SELECT COUNT(*) FROM holds WHERE program_id = ? AND status = 'ACTIVE'", program)));
            assertThat(sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ? AND held > available", program))
                    .as("versions of program %d with more held than available", program).isZero();
            if (oneVersionEach) {
                assertThat(versionsCommittedTwice(sql, program)).as("versions of program %d written twice", program).isZero();
            }
        }
    }

    private static long versionsCommittedTwice(SqlAt sql, long program) {
        return sql.number("SELECT COUNT(*) - COUNT(DISTINCT version) FROM availability_history WHERE program_id = ?", program);
    }

    /**
     * Known issue, printed rather than asserted: through two nodes at once a change now and then leaves a history row
     * that repeats another change's version and counts, without events of its own (a transaction undone by the
     * cluster part-way through a multi-statement packet, whose later statements still ran; see the report of issue 17).
     */
    private static void reportVersionsCommittedTwice(SqlAt sql, List<Long> programs) {
        for (long program : programs) {
            System.out.printf("CLUSTER: KNOWN ISSUE: program %d: %d count changes, %d versions committed twice%n", program,
                    sql.number("SELECT COUNT(*) FROM availability_history WHERE program_id = ?", program),
                    versionsCommittedTwice(sql, program));
        }
    }

    /** Two staff reporting the same program's count through two nodes: the count is the last acknowledged report's. */
    private static void assertCountsFollowTheirLastAcknowledgedVersion(SqlAt sql, List<Call> calls, List<Long> programs) {
        for (long program : programs) {
            var latest = calls.stream().filter(c -> c.kind() == Kind.COUNT && c.ok() && c.programId() == program)
                    .max(java.util.Comparator.comparingLong(Call::id)).orElseThrow();
            assertThat(sql.rows("SELECT version, available FROM availability WHERE program_id = ?", program)).as("program %d", program)
                    .containsExactly(Map.of("version", latest.id(), "available", latest.value()));
        }
    }

    private static void assertEveryListenerGetsEveryEventOnceInOrder(Http admin, SqlAt sql, List<ResumingListener> listeners,
                                                                     long sentinel) throws InterruptedException {
        assertThat(admin.put("/api/programs/" + sentinel + "/availability", Map.of("available", 1)).status()).isEqualTo(200);
        long sentinelSeq = sql.number("SELECT MAX(seq) FROM events WHERE type = 'availability.changed' AND program_id = ?", sentinel);
        for (ResumingListener listener : listeners) {
            listener.readUntil(m -> LiveClient.seq(m) == sentinelSeq, WAIT);
        }
        long first = listeners.stream().mapToLong(ResumingListener::snapshotSeq).min().orElseThrow();
        List<Long> committed = sql.numbers("SELECT seq FROM events WHERE organization_id IS NULL AND seq > ? AND seq <= ? ORDER BY seq",
                first, sentinelSeq);
        for (int i = 0; i < listeners.size(); i++) {
            ResumingListener listener = listeners.get(i);
            assertThat(listener.received().stream().map(LiveClient::seq).toList())
                    .as("seqs received by listener %d on instance %s", i, i < 2 ? "A" : "B")
                    .containsExactlyElementsOf(committed.stream().filter(s -> s > listener.snapshotSeq()).toList());
        }
        System.out.printf("CLUSTER: %d events checked on each of %d live listeners (2 per instance; %d reconnects in all)%n",
                committed.size(), listeners.size(), listeners.stream().mapToInt(ResumingListener::attempts).sum());
    }

    private static Duration awaitWriteAfter(ClusterLoad load, long since) throws InterruptedException {
        long deadline = since + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var firstOk = load.calls().stream().filter(c -> c.startNanos() > since && c.ok()).mapToLong(Call::endNanos).min();
            if (firstOk.isPresent()) {
                return Duration.ofNanos(firstOk.getAsLong() - since);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no write answered within " + WAIT + " of the kill");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * Programs, people and the load of one phase: caseworkers (half through each instance) holding and releasing on a
     * few programs of {@value #BEDS} beds, staff reporting counts, and a program whose count change ends the run.
     */
    record Scenario(List<Long> holdPrograms, List<Long> countPrograms, long sentinel, ClusterLoad load) {

        static Scenario create(Fixtures fixtures, Map<String, URI> instances, boolean sameCountProgram) {
            List<String> names = List.copyOf(new java.util.TreeSet<>(instances.keySet()));
            String organization = Fixtures.unique("Cluster Outreach");
            List<Caseworker> caseworkers = IntStream.range(0, CASEWORKERS).mapToObj(i -> {
                String instance = names.get(i % names.size());
                String username = fixtures.createUser("CASEWORKER", organization);
                return new Caseworker(instance, signedIn(fixtures, instances.get(instance), username));
            }).toList();
            List<Long> holdPrograms = IntStream.range(0, 3).mapToObj(i -> fixtures.facilityWithBeds(BEDS, BEDS).programId()).toList();
            // per instance one staff member; with sameCountProgram both report the same program's count
            List<Fixtures.CreatedFacility> counted = IntStream.range(0, sameCountProgram ? 1 : names.size())
                    .mapToObj(i -> fixtures.facilityWithBeds(20, 10)).toList();
            List<Staff> staff = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Fixtures.CreatedFacility facility = counted.get(sameCountProgram ? 0 : i);
                String username = fixtures.createUser("SHELTER_STAFF", "Harbour Society", facility.id());
                staff.add(new Staff(names.get(i), signedIn(fixtures, instances.get(names.get(i)), username), facility.programId()));
            }
            long sentinel = fixtures.facilityWithBeds(3, 0).programId();
            List<Long> countPrograms = counted.stream().map(Fixtures.CreatedFacility::programId).toList();
            return new Scenario(holdPrograms, countPrograms, sentinel, new ClusterLoad(caseworkers, holdPrograms, staff));
        }

        /**
         * Signed in where the account was made, then calling the given instance with that token (the secret is shared):
         * through another node the new account may not be there yet, a few milliseconds after (see operations.md).
         */
        private static Http signedIn(Fixtures fixtures, URI instance, String username) {
            return Http.at(instance).as(fixtures.anonymous().login(username, Fixtures.PASSWORD).token());
        }
    }
}
