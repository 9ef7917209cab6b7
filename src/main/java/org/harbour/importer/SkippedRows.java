package org.harbour.importer;

import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows an import left out, with their line and reason. Only the first {@link #LISTED} are kept:
 * a 100 MiB file of bad rows must not become a 100 MiB answer; the count is always exact.
 */
final class SkippedRows {

    static final int LISTED = 1000;

    @Serdeable
    record Skipped(long line, String reason) {
    }

    private final List<Skipped> listed = new ArrayList<>();
    private long count;

    void add(long line, String reason) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(new Skipped(line, reason));
        }
    }

    List<Skipped> listed() {
        return List.copyOf(listed);
    }

    long count() {
        return count;
    }
}
