package org.harbour.hold;

/** Published inside the transaction that ended a hold (RELEASED, EXPIRED or CONSUMED by a placement). */
public record HoldEnded(long holdId, HoldStatus status) {
}
