package org.harbour.facility;

public enum CapacityType {
    BED, ROOM
}
