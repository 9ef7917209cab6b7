package org.harbour.availability;

/**
 * Published inside the transaction that made more of a program's beds bookable than before (a staff report, a
 * released hold, an ended placement: the database compares), so the waitlist can offer them before anyone else
 * takes them.
 * Carries the program's type and region so a listener can tell without a read whether anyone waits.
 */
public record BedsFreed(long programId, String type, String regionCode) {
}
