package org.harbour.security;

/** The four user roles of API.md; FEED is the principal behind a facility's feed key. */
public enum Role {
    ADMIN, SHELTER_STAFF, CASEWORKER, FUNDER;

    public static final String FEED = "FEED";
}
