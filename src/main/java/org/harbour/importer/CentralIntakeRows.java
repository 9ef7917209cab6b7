package org.harbour.importer;

import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.List;

/** Maps a row of Toronto's "Central Intake calls" file (daily call wrap-up codes). */
final class CentralIntakeRows {

    static final String WHAT = "Toronto Central Intake calls file";

    /** The code columns as published, in the order of the table's code_* columns. */
    static final List<String> CODES = List.of(
            "Code 1A - Referral to a Sleeping/Resting Space",
            "Code 1B - External Transfer to AWHL",
            "Code 1C - Referral to Eviction Prevention Service",
            "Code 1D - Declined Shelter/Resting Space",
            "Code 2A - Internal Transfer to CI",
            "Code 2B - External Transfer - Homelessness-related",
            "Code 2C - Information - Homelessness & Prevention Services",
            "Code 2D - Information - Non-Homelessness-related",
            "Code 3A - Shelter Space Unavailable - Family",
            "Code 3B - Shelter Space Unavailable - Individuals/Couples",
            "Code 3C - Follow-up / Check on Placement",
            "Code 4A - Dead Air",
            "Code 4B - Disconnected - No Outcome");

    static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("Date", "Total calls handled", "Total calls coded"));
        columns.addAll(CODES);
        COLUMNS = List.copyOf(columns);
    }

    private CentralIntakeRows() {
    }

    /** Counts are kept as published, even where the codes do not add up to the calls coded. */
    static IntakeDay map(CSVRecord row, int columns) throws BadRow {
        if (row.size() != columns) {
            throw new BadRow("expected " + columns + " columns, found " + row.size());
        }
        var date = BadRow.date("Date", row.get("Date"));
        int handled = BadRow.count("Total calls handled", row.get("Total calls handled"));
        int coded = BadRow.count("Total calls coded", row.get("Total calls coded"));
        int[] codes = new int[CODES.size()];
        for (int i = 0; i < codes.length; i++) {
            String column = CODES.get(i);
            codes[i] = BadRow.count(column.substring(0, "Code 1A".length()), row.get(column));
        }
        return new IntakeDay(date, handled, coded, codes);
    }
}
