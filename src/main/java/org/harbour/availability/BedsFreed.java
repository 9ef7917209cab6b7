package org.harbour.availability;

/**
 * Published inside the transaction that may have made a program's beds bookable (a staff report, a
 * released hold, an ended placement), so the waitlist can offer them before anyone else takes them.
 */
public record BedsFreed(long programId) {
}
