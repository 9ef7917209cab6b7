package org.harbour.live;

import io.micronaut.core.annotation.Nullable;
import org.harbour.event.EventType;

import java.nio.charset.StandardCharsets;

/**
 * One committed event, with its WebSocket message rendered and UTF-8 encoded once for every receiver:
 * a thousand dashboards share these bytes instead of each encoding its own copy (issue 6). The type is
 * null for a name this version does not know: such an event goes to nobody.
 */
record LiveEvent(long seq, @Nullable EventType type, @Nullable Long programId, @Nullable Long facilityId,
                 @Nullable Long organizationId, byte[] message) {

    static byte[] render(String type, long seq, String payload) {
        String body = payload.trim();
        String rest = body.length() <= 2 ? "}" : "," + body.substring(1);
        return ("{\"type\":\"" + type + "\",\"seq\":" + seq + rest).getBytes(StandardCharsets.UTF_8);
    }
}
