package org.harbour.report;

/** What a capacity report's rows are: one per region, program type, population or month. */
enum Grouping {
    REGION, TYPE, POPULATION, MONTH;

    /** The group of a program-side figure; dated by {@code dateColumn} when grouping by month. */
    String programKey(String dateColumn) {
        return switch (this) {
            case REGION -> "f.region_code";
            case TYPE -> "p.type";
            case POPULATION -> "p.population";
            case MONTH -> month(dateColumn);
        };
    }

    /**
     * The group of a bed request (alias r, local time local_at, requested type t.v). A request that
     * did not narrow the dimension (no region, no type, nothing stated about the person) is "ANY".
     */
    String requestKey() {
        return switch (this) {
            case REGION -> "COALESCE(r.region_code, '" + RequestPopulation.ANY + "')";
            case TYPE -> "COALESCE(t.v, '" + RequestPopulation.ANY + "')";
            case POPULATION -> RequestPopulation.SQL;
            case MONTH -> month("r.local_at");
        };
    }

    static String month(String dateColumn) {
        return "DATE_FORMAT(" + dateColumn + ", '%Y-%m')";
    }
}
