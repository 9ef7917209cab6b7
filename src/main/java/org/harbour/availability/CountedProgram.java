package org.harbour.availability;

import java.time.ZoneId;

/**
 * The program a count change is for, with what the change needs besides the counts: its facility (who may
 * change it, which facility's staff hear of it) and the facility's zone (the night a history row counts
 * for). Read once per change, before the count row is locked.
 */
public record CountedProgram(long programId, long facilityId, ZoneId zone) {
}
