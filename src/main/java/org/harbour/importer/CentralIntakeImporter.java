package org.harbour.importer;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Imports Toronto's "Central Intake calls" CSV (one row a day) into central_intake_calls, streaming. */
@Singleton
public class CentralIntakeImporter {

    private static final Logger LOG = LoggerFactory.getLogger(CentralIntakeImporter.class);

    private final CentralIntakeWriter writer;

    CentralIntakeImporter(CentralIntakeWriter writer) {
        this.writer = writer;
    }

    /** A 400 ProblemException, before anything is written, when the file does not have the expected header. */
    public IntakeSummary importCsv(InputStream in, Charset charset) {
        SkippedRows skipped = new SkippedRows();
        Set<LocalDate> days = new HashSet<>();
        List<IntakeDay> chunk = new ArrayList<>(TorontoOccupancyImporter.CHUNK);
        long rows = 0;
        try (CsvSource csv = CsvSource.open(in, charset, CentralIntakeRows.WHAT, CentralIntakeRows.COLUMNS)) {
            for (CsvSource.Line line = csv.next(skipped); line != null; line = csv.next(skipped)) {
                try {
                    IntakeDay day = CentralIntakeRows.map(line.record(), csv.columns());
                    rows++;
                    days.add(day.date());
                    chunk.add(day);
                } catch (BadRow bad) {
                    skipped.add(line.number(), bad.getMessage());
                }
                if (chunk.size() == TorontoOccupancyImporter.CHUNK) {
                    writer.write(chunk);
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) {
            writer.write(chunk);
        }
        LOG.info("Toronto Central Intake import: {} rows, {} days, {} skipped", rows, days.size(), skipped.count());
        return new IntakeSummary(rows, days.size(), skipped.listed(), skipped.count());
    }
}
