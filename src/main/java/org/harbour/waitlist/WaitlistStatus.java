package org.harbour.waitlist;

/** A waitlist entry's place: in line, offered a bed (a hold), or closed and why. */
public enum WaitlistStatus {
    WAITING,
    OFFERED,
    PLACED,
    WITHDRAWN,
    EXPIRED
}
