package org.harbour.availability;

/**
 * Published inside the transaction that may have made a program's beds bookable (a staff report, a
 * released hold, an ended placement), so the waitlist can offer them before anyone else takes them.
 * Carries the program's type and region so a listener can tell without a read whether anyone waits.
 */
public record BedsFreed(long programId, String type, String regionCode) {
}
