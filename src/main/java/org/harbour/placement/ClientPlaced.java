package org.harbour.placement;

/** Published inside the transaction that placed a client: their waitlist entries are now closed. */
public record ClientPlaced(long clientId, long placementId) {
}
