package org.harbour.hold;

/** How a hold ended at the shelter's door, as its staff recorded it. */
public enum DoorOutcome {
    /** she came and gave her code: the hold became a placement */
    ARRIVED,
    /** she did not come before the staff gave up on her */
    NO_SHOW,
    /** she came and the program turned her away (with a reason): counts in its refusal rate */
    REFUSED_AT_DOOR
}
