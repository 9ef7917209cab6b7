package org.harbour.platform;

/**
 * Something that answers first and writes after (bed requests without a client, issue 20). A reader of what it writes
 * waits for the writes handed over before it started, so that what this instance answered is in what it reads.
 */
public interface WritesBehind {

    /** Returns when every write handed over before this call is committed, or has failed for good. */
    void awaitEarlierWrites();
}
