package org.harbour.importer;

import io.micronaut.serde.annotation.Serdeable;
import org.harbour.importer.SkippedRows.Skipped;

import java.util.List;

/**
 * What an occupancy import read: rows imported, distinct facilities (locations), programs and nights among
 * them, and the rows skipped (the first {@value SkippedRows#LISTED}; skippedCount counts them all).
 */
@Serdeable
public record OccupancySummary(long rows, int facilities, int programs, int nights, List<Skipped> skipped,
                               long skippedCount) {
}
