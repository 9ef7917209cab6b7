package org.harbour.facility;

public enum Population {
    WOMEN, MEN, MIXED_ADULT, YOUTH, FAMILIES
}
