package org.harbour.importer;

import org.harbour.problem.DateWindow;
import org.harbour.problem.FreeText;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A row that cannot be imported; the import skips it, reports why, and goes on. */
final class BadRow extends Exception {

    BadRow(String reason) {
        super(reason, null, false, false);
    }

    /** A count: a whole number, zero or more. */
    static int count(String column, String value) throws BadRow {
        if (value == null || value.isBlank()) {
            throw new BadRow(column + " is missing");
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRow(column + " is not a whole number: '" + shorten(value) + "'");
        }
        if (parsed < 0) {
            throw new BadRow(column + " is negative: " + parsed);
        }
        return parsed;
    }

    static String required(String column, String value, int maxLength) throws BadRow {
        if (value == null || value.isBlank()) {
            throw new BadRow(column + " is missing");
        }
        if (value.trim().length() > maxLength) {
            throw new BadRow(column + " is longer than " + maxLength + " characters");
        }
        if (!FreeText.isClean(value)) {
            throw new BadRow(column + " " + FreeText.RULE);
        }
        return value.trim();
    }

    /** A date as YYYY-MM-DD; Toronto's older files add a time of midnight ("2021-01-01T00:00:00"), which is dropped. */
    static LocalDate date(String column, String value) throws BadRow {
        String text = required(column, value, 40);
        if (text.length() > 10 && text.charAt(10) == 'T') {
            text = text.substring(0, 10);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRow(column + " is not a date (YYYY-MM-DD): '" + shorten(text) + "'");
        }
        if (!DateWindow.contains(date)) {
            throw new BadRow(column + " " + DateWindow.RULE + ": " + date);
        }
        return date;
    }

    /** Reasons quote a little of the bad value so it can be found, never a whole (possibly huge) cell. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
