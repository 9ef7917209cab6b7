package org.harbour.importer;

import java.time.LocalDate;

/** One day of Toronto's Central Intake calls, with the count of each wrap-up code (see V14's table comment). */
record IntakeDay(LocalDate date, int callsHandled, int callsCoded, int[] codes) {
}
