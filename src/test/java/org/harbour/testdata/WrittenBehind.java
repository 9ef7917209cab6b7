package org.harbour.testdata;

import io.micronaut.context.annotation.Context;
import org.harbour.platform.WritesBehind;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every write-behind of every service context this test JVM started. A bed request without a client is written just
 * after its answer (issue 20): a test that reads the rows of requests it made, or compares the database before and
 * after a request (so that one answered just before is not taken for a change the request under test made), first
 * lets the writes handed over so far land ({@link #awaitAll}); none is waited for by sleeping or polling.
 */
@Context
public class WrittenBehind {

    private static final List<WritesBehind> ALL = new CopyOnWriteArrayList<>();

    WrittenBehind(List<WritesBehind> writesBehind) {
        ALL.addAll(writesBehind);
    }

    /** Returns when every write handed over so far, in every context, is in the database. */
    public static void awaitAll() {
        ALL.forEach(WritesBehind::awaitEarlierWrites);
    }
}
