package org.harbour.hold;

/**
 * Published inside the transaction that ended a hold (RELEASED, EXPIRED or CONSUMED by a placement). Says who made
 * the hold, so a listener that cares only for some holds (the waitlist's offers) need not read anything for the rest.
 */
public record HoldEnded(long holdId, HoldStatus status, long createdBy) {
}
