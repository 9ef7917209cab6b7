package org.harbour.importer;

import jakarta.inject.Singleton;
import org.harbour.facility.ImportedPlaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports the City of Toronto "Daily Shelter & Overnight Service Occupancy & Capacity" CSV, streaming: rows are
 * mapped as they are read and written in transactions of {@value #CHUNK}, so a file of any size needs little
 * memory and a failure keeps what was written (importing again finishes the job). Bad rows are skipped and
 * reported. Used by the HTTP API, the command line and the demo data.
 */
@Singleton
public class TorontoOccupancyImporter {

    static final int CHUNK = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(TorontoOccupancyImporter.class);

    private final OccupancyWriter writer;

    TorontoOccupancyImporter(OccupancyWriter writer) {
        this.writer = writer;
    }

    /** A 400 ProblemException, before anything is written, when the file does not have the expected header. */
    public OccupancySummary importCsv(InputStream in, Charset charset) {
        SkippedRows skipped = new SkippedRows();
        ImportedPlaces places = writer.places();
        Set<String> locations = new HashSet<>();
        Set<String> programs = new HashSet<>();
        Set<LocalDate> nights = new HashSet<>();
        List<OccupancyNight> chunk = new ArrayList<>(CHUNK);
        long rows = 0;
        try (CsvSource csv = CsvSource.open(in, charset, OccupancyRows.WHAT, OccupancyRows.COLUMNS)) {
            for (CsvSource.Line line = csv.next(skipped); line != null; line = csv.next(skipped)) {
                OccupancyNight night;
                try {
                    night = OccupancyRows.map(line.record(), csv.columns());
                } catch (BadRow bad) {
                    skipped.add(line.number(), bad.getMessage());
                    continue;
                }
                rows++;
                locations.add(night.location().id());
                programs.add(night.program().id());
                nights.add(night.night());
                chunk.add(night);
                if (chunk.size() == CHUNK) {
                    writer.write(chunk, places);
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) {
            writer.write(chunk, places);
        }
        writer.finish(places);
        LOG.info("Toronto occupancy import: {} rows, {} facilities, {} programs, {} nights, {} skipped",
                rows, locations.size(), programs.size(), nights.size(), skipped.count());
        return new OccupancySummary(rows, locations.size(), programs.size(), nights.size(), skipped.listed(),
                skipped.count());
    }
}
