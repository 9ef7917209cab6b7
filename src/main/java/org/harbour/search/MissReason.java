package org.harbour.search;

/**
 * Why a program did not match (a near miss's {@code reasons}, API.md "Search"): one code per eligibility rule of
 * {@link Matcher}, and {@link #NO_BED} and {@link #INTAKE_CLOSED} for the counts and the clock.
 */
public enum MissReason {
    GENDER, AGE, CHILDREN, PETS, SUBSTANCE_USE, SEX_TRADE, WHEELCHAIR, LANGUAGE, MANDATORY_ACTIVITIES,
    /** Nothing bookable: every free bed is held, or none is free. */
    NO_BED,
    /** Not taking intake at this moment, asked with {@code admitNow}. */
    INTAKE_CLOSED
}
