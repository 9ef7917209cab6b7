package org.harbour.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.harbour.testdata.Http;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading capacity report rows over HTTP and checking their figures, shared by the report's tests. */
final class ReportRows {

    private ReportRows() {
    }

    static List<Map<String, Object>> capacity(Http funder, String query) {
        Http.Reply reply = funder.get("/api/reports/capacity?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) reply.map().get("rows");
        return rows;
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, String group) {
        return rows.stream().filter(r -> group.equals(r.get("group"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + group + " in " + rows));
    }

    /**
     * Pairs of field and expected value; numbers compare by value, so 0.25 equals 0.2500. A field of an object in
     * the row is named by its path ("doorRefusalsByReason.GENDER") and must be there, null or not.
     */
    static void assertFigures(Map<String, Object> row, Object... expected) {
        Map<String, Object> flat = flatten(row);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < expected.length; i += 2) {
            String field = (String) expected[i];
            assertThat(flat).as("row " + row).containsKey(field);
            Object actual = flat.get(field);
            Object want = expected[i + 1];
            boolean same = want == null ? actual == null
                    : actual != null && decimal(actual).compareTo(decimal(want)) == 0;
            if (!same) {
                wrong.add(field + " = " + actual + ", expected " + want);
            }
        }
        assertThat(wrong).as("figures of " + row).isEmpty();
    }

    /** The row with each object's fields spread out as "object.field", in order: the CSV's columns. */
    static Map<String, Object> flatten(Map<String, Object> row) {
        Map<String, Object> flat = new LinkedHashMap<>();
        row.forEach((field, value) -> {
            if (value instanceof Map<?, ?> object) {
                object.forEach((key, inner) -> flat.put(field + "." + key, inner));
            } else {
                flat.put(field, value);
            }
        });
        return flat;
    }

    /** The CSV of the query has the JSON's rows, fields (objects spread out) and numbers, null as an empty cell. */
    static void assertCsvMatchesJson(Http funder, String query) {
        List<Map<String, Object>> json = capacity(funder, query).stream().map(ReportRows::flatten).toList();
        Http.Reply csv = funder.withHeader("Accept", "text/csv").get("/api/reports/capacity?" + query);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=utf-8");

        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body()))) {
            assertThat(json).as(query).isNotEmpty();
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(json.get(0).keySet());
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSameSizeAs(json);
            for (int i = 0; i < records.size(); i++) {
                for (String field : parser.getHeaderNames()) {
                    Object expected = json.get(i).get(field);
                    String cell = records.get(i).get(field);
                    if (expected == null) {
                        assertThat(cell).as(field).isEmpty();
                    } else if (expected instanceof Number) {
                        assertThat(cell).as(field + " is plain digits").matches("-?[0-9]+(\\.[0-9]+)?");
                        assertThat(new BigDecimal(cell)).as(field).isEqualByComparingTo(decimal(expected));
                    } else {
                        assertThat(cell).as(field).isEqualTo(expected);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
