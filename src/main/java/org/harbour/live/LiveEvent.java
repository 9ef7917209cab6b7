package org.harbour.live;

import io.micronaut.core.annotation.Nullable;

/** One committed event, with its WebSocket message already rendered once for every receiver. */
record LiveEvent(long seq, String type, @Nullable Long programId, @Nullable Long facilityId,
                 @Nullable Long organizationId, String message) {

    static String render(String type, long seq, String payload) {
        String body = payload.trim();
        String rest = body.length() <= 2 ? "}" : "," + body.substring(1);
        return "{\"type\":\"" + type + "\",\"seq\":" + seq + rest;
    }
}
