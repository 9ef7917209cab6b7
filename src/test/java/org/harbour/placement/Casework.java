package org.harbour.placement;

import org.harbour.testdata.Fixtures;
import org.harbour.testdata.Http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls placement tests repeat, made through the API as one caseworker. */
final class Casework {

    private final Fixtures fixtures;
    private final Http as;

    Casework(Fixtures fixtures, Http as) {
        this.fixtures = fixtures;
        this.as = as;
    }

    Http http() {
        return as;
    }

    long programWithBeds(int capacity, int available) {
        return fixtures.facilityWithBeds(capacity, available).programId();
    }

    long client() {
        Http.Reply reply = as.post("/api/clients", Map.of("alias", Fixtures.unique("PL"), "needs", Map.of()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    Http.Reply place(long client, long program, Long hold) {
        Map<String, Object> body = new HashMap<>(Map.of("clientId", client, "programId", program));
        body.put("holdId", hold);
        return as.post("/api/placements", body);
    }

    Http.Reply end(long placement, String endDate, String reason) {
        return as.post("/api/placements/" + placement + "/end", Map.of("endDate", endDate, "reason", reason));
    }

    Http.Reply move(long placement, long toProgram, Long hold) {
        Map<String, Object> body = new HashMap<>(Map.of("toProgramId", toProgram, "reason", "UNSAFE"));
        body.put("holdId", hold);
        return as.post("/api/placements/" + placement + "/move", body);
    }

    Map<String, Object> chain(long client) {
        return as.get("/api/clients/" + client + "/placements").map();
    }

    /** A program's counts as ADMIN reads them (without the time-dependent stale flag). */
    Map<String, Object> counts(long program) {
        Map<String, Object> counts = new HashMap<>(fixtures.admin().get("/api/programs/" + program + "/availability").map());
        counts.remove("stale");
        return counts;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> placementsOf(Map<String, Object> chain) {
        return (List<Map<String, Object>>) chain.get("placements");
    }

    @SuppressWarnings("unchecked")
    static List<Object> fieldsOf(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        return ((List<Map<String, Object>>) reply.map().get("errors")).stream().map(e -> e.get("field")).toList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
