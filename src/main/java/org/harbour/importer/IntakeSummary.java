package org.harbour.importer;

import io.micronaut.serde.annotation.Serdeable;
import org.harbour.importer.SkippedRows.Skipped;

import java.util.List;

/** What a Central Intake import read: rows imported, distinct days among them, and the rows skipped. */
@Serdeable
public record IntakeSummary(long rows, int days, List<Skipped> skipped, long skippedCount) {
}
