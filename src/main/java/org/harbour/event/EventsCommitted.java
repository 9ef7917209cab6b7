package org.harbour.event;

/** Published after a local commit that appended events, so tailers need not wait for their next poll. */
public record EventsCommitted(long seq) {
}
