package org.harbour.importer;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real open-data files for the tests, and a deliberately simple CSV reading of them (one record a line,
 * double-quoted fields), independent of the importer, to compute what an import must report.
 */
final class OpenData {

    static final String OCCUPANCY_EXTRACT = "open-data/toronto-occupancy-2024-01-01_to_2024-01-03.csv";
    static final String INTAKE_EXTRACT = "open-data/toronto-central-intake-2023-12.csv";
    static final String SHARED_OCCUPANCY = "toronto_shelter_occupancy_2024-01-01_to_2024-03-25.csv";
    static final String SHARED_INTAKE = "toronto_central_intake_call_wrapup_codes_daily_2020-11-03_to_2023-12-31.csv";

    private OpenData() {
    }

    static String resource(String name) {
        try (InputStream in = OpenData.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resourcePath(String name) {
        try {
            return Path.of(OpenData.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A whole file from the project's ../shared/data, or the test is skipped (a fresh clone has no ../shared). */
    static Path shared(String file) {
        Path path = Path.of("").toAbsolutePath().resolve("../shared/data").resolve(file).normalize();
        Assumptions.assumeTrue(Files.isReadable(path),
                "../shared/data/" + file + " is absent (fresh clone): the whole-file import is skipped");
        return path;
    }

    /** Rows as column name -> value. */
    static List<Map<String, String>> rows(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isEmpty()).toList();
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                value.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values;
    }
}
