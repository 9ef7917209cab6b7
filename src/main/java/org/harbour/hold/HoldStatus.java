package org.harbour.hold;

/** Where a hold stands: a bed kept (ACTIVE), or how keeping it ended. */
public enum HoldStatus {
    ACTIVE,
    /** given back by its caseworker or by the waitlist */
    RELEASED,
    /** its time ran out */
    EXPIRED,
    /** taken by a placement */
    CONSUMED
}
