package org.harbour.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A migration this jar carries, as Flyway would record it in flyway_schema_history once applied: the version and
 * description its file name gives, and the checksum of its text. The names come from db/migration.index, which the
 * build writes (pom.xml, "migration-index"), so that a restart need not list the jar's 24,000 entries to find them.
 */
record BundledMigration(String version, String description, String script, int checksum) {

    static final String INDEX = "db/migration.index";
    private static final String LOCATION = "db/migration/";
    private static final Pattern NAME = Pattern.compile("V([0-9][0-9.]*)__(.+)\\.sql");

    /** Every migration the index names; empty when there is no index or a script it names is unreadable. */
    static Optional<List<BundledMigration>> all(ClassLoader loader) {
        try (InputStream index = loader.getResourceAsStream(INDEX)) {
            if (index == null) {
                return Optional.empty();
            }
            List<BundledMigration> migrations = new ArrayList<>();
            for (String script : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (script.isBlank()) {
                    continue;
                }
                Optional<BundledMigration> migration = of(loader, script.strip());
                if (migration.isEmpty()) {
                    return Optional.empty();
                }
                migrations.add(migration.get());
            }
            return Optional.of(List.copyOf(migrations));
        } catch (IOException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<BundledMigration> of(ClassLoader loader, String script) throws IOException {
        Matcher name = NAME.matcher(script);
        if (!name.matches()) {
            return Optional.empty();
        }
        try (InputStream text = loader.getResourceAsStream(LOCATION + script)) {
            if (text == null) {
                return Optional.empty();
            }
            return Optional.of(new BundledMigration(name.group(1), name.group(2).replace('_', ' '), script,
                    flywayChecksum(text)));
        }
    }

    /**
     * Flyway 10's checksum of a script (ChecksumCalculator): CRC-32 of each line's UTF-8 bytes, line breaks left
     * out, a byte-order mark at the start dropped. SchemaMigrationsTest holds it to what Flyway itself recorded.
     */
    static int flywayChecksum(InputStream text) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 4096);
        String line = lines.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = lines.readLine();
        }
        return (int) crc.getValue();
    }
}
