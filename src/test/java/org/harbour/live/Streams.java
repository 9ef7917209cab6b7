package org.harbour.live;

import org.harbour.testdata.LiveClient;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a live stream up to a known point, so a test knows it has seen everything before it. */
final class Streams {

    static final String CHANGED = "availability.changed";

    private Streams() {
    }

    /**
     * Every message up to and including the change of {@code sentinelProgram}. Events reach a socket in
     * seq order, so when a change written last arrives, everything committed before it has arrived too.
     */
    static List<Map<String, Object>> untilChangeOf(LiveClient client, long sentinelProgram, Duration timeout) {
        return client.through(message -> isChangeOf(message, List.of(sentinelProgram)), timeout);
    }

    static boolean isChangeOf(Map<String, Object> message, Collection<Long> programIds) {
        return CHANGED.equals(message.get("type")) && programIds.contains(programId(message));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> availability(Map<String, Object> message) {
        return (Map<String, Object>) message.get("availability");
    }

    static long programId(Map<String, Object> message) {
        Object availability = message.get("availability");
        return availability instanceof Map<?, ?> view ? ((Number) view.get("programId")).longValue() : -1;
    }

    /** The seqs of the changes to these programs, in arrival order. */
    static List<Long> changeSeqs(List<Map<String, Object>> messages, Collection<Long> programIds) {
        return messages.stream().filter(m -> isChangeOf(m, programIds)).map(LiveClient::seq).toList();
    }

    static void assertSeqsStrictlyIncrease(List<Map<String, Object>> messages) {
        List<Long> seqs = messages.stream().map(LiveClient::seq).toList();
        assertThat(seqs).as("seqs in arrival order").isSorted().doesNotHaveDuplicates();
    }
}
