package org.harbour.report;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A report as an .xlsx workbook of one sheet: first the header lines a funder files with the figures (label in the
 * first column, text in the second), a blank row, then the table exactly as the CSV has it (the JSON field names,
 * numbers as numbers, an empty cell for null). Written with fastexcel, a small streaming writer.
 */
final class ReportSheet {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One header line: what it states, and the statement. */
    record Line(String label, String text) {
    }

    private ReportSheet() {
    }

    static byte[] write(String sheetName, List<Line> header, List<String> columns, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Harbour", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            int r = 0;
            for (Line line : header) {
                sheet.value(r, 0, line.label());
                sheet.style(r, 0).bold().set();
                sheet.value(r, 1, line.text());
                r++;
            }
            r++;
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(r, c, columns.get(c));
                sheet.style(r, c).bold().set();
            }
            sheet.width(0, 28);
            for (List<Object> row : rows) {
                r++;
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r, c, row.get(c));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return; // suppressed or not applicable: an empty cell, never 0
        }
        if (value instanceof BigDecimal decimal) {
            sheet.value(r, c, decimal);
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else {
            sheet.value(r, c, value.toString());
        }
    }
}
