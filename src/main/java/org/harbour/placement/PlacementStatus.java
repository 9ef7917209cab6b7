package org.harbour.placement;

/** A placement is ACTIVE while she stays, ENDED afterwards (its end reason says how). */
public enum PlacementStatus {
    ACTIVE,
    ENDED
}
