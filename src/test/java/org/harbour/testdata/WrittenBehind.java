package org.harbour.testdata;

import io.micronaut.context.annotation.Context;
import org.harbour.platform.WritesBehind;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every write-behind of every service context this test JVM started: a test comparing the database before and after
 * a request first lets the writes of earlier requests land ({@link #awaitAll}), so that a bed request answered just
 * before is not taken for a change the request under test made.
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
