package org.harbour.importer;

import io.micronaut.http.HttpStatus;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.harbour.problem.ProblemCode;
import org.harbour.problem.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A CSV file with a header row, read one record at a time (never the whole file in memory), each record
 * with the line it starts on so a skipped row can be found in the file.
 */
final class CsvSource implements AutoCloseable {

    /** One record and the line of the file it starts on (the header is line 1). */
    record Line(long number, CSVRecord record) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true) // the intake file's first column has no name
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String what;
    private boolean broken;

    private CsvSource(CSVParser parser, String what) {
        this.parser = parser;
        this.records = parser.iterator();
        this.what = what;
    }

    /**
     * Opens the file and checks its header: a 400 when a required column is missing (another file, or
     * a file without a header), before anything is written.
     */
    static CsvSource open(InputStream in, Charset charset, String what, List<String> requiredColumns) {
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(withoutByteOrderMark(new InputStreamReader(in, charset)))
                    .setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw badHeader(what, "its header row cannot be read");
        }
        if (parser.getHeaderNames().isEmpty()) {
            throw badHeader(what, "it is empty");
        }
        Set<String> missing = new TreeSet<>(requiredColumns);
        missing.removeAll(parser.getHeaderNames());
        if (!missing.isEmpty()) {
            throw badHeader(what, "its header row lacks " + String.join(", ", missing));
        }
        return new CsvSource(parser, what);
    }

    int columns() {
        return parser.getHeaderNames().size();
    }

    /**
     * The next record, or null at the end. Broken quoting ends the file: what follows an unterminated
     * quote cannot be split into rows, so it is reported once through {@code onBroken} and reading stops.
     */
    Line next(SkippedRows onBroken) {
        if (broken) {
            return null;
        }
        long linesBefore = parser.getCurrentLineNumber();
        try {
            if (!records.hasNext()) {
                return null;
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e; // the stream itself failed: nothing to report about the file
            }
            broken = true;
            onBroken.add(linesBefore + 1, "malformed CSV (an unterminated quoted field?); the rest of the "
                    + what + " was not read");
            return null;
        }
        CSVRecord record = records.next();
        return new Line(parser.getCurrentLineNumber() - lineBreaksIn(record), record);
    }

    /** The parser stands on the record's last line; quoted values may span lines. */
    private static long lineBreaksIn(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** Files saved by spreadsheet programs often start with a byte order mark, which would spoil the first column name. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        BufferedReader buffered = new BufferedReader(reader, 64 * 1024);
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') {
            buffered.reset();
        }
        return buffered;
    }

    private static ProblemException badHeader(String what, String why) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemCode.IMPORT_WRONG_FILE, "This is not a " + what + ": " + why);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
