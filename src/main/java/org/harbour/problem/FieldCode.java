package org.harbour.problem;

/**
 * Why one field of a request is refused, as a stable machine word in each errors[] item's {@code "code"},
 * with the figures the rule names in its {@code "params"} (min, max, allowed...). Documented in api.md.
 */
public enum FieldCode {
    REQUIRED,
    /** Text longer than params.max characters (bytes for a password: params.unit). */
    TOO_LONG,
    /** Shorter than params.min characters. */
    TOO_SHORT,
    /** Below params.min. */
    TOO_SMALL,
    /** Outside params.min..params.max. */
    OUT_OF_RANGE,
    /** Not one of params.allowed. */
    NOT_ALLOWED_VALUE,
    /** A date outside params.min..params.max (the one date window). */
    DATE_OUTSIDE_WINDOW,
    CONTROL_CHARACTERS,
    NOT_A_DATE,
    /** An end (params.other names the start field, or params.min the start date) before its start. */
    BEFORE_START,
    /** The from..to range covers more than params.maxYears years. */
    RANGE_TOO_LONG,
    /** A list with more than params.max items. */
    TOO_MANY,
    CONTAINS_NULL,
    UNKNOWN_REGION,
    UNKNOWN_FACILITY,
    UNKNOWN_PROGRAM,
    BAD_TIME_ZONE,
    BAD_TIME,
    BAD_LANGUAGE,
    NO_GENDER,
    /** groupBy names one dimension twice (params.dimension). */
    REPEATED_DIMENSION,
    /** A program, or a type and a region: neither or both were sent. */
    PROGRAM_OR_TYPE_AND_REGION,
    PROGRAM_AND_TYPE_BOTH,
    HOLD_FOR_ANOTHER_PROGRAM,
    CLIENT_REQUIRED_FOR_HOLD,
    ORGANIZATION_REQUIRED,
    FACILITY_REQUIRED_FOR_STAFF,
    LANGUAGE_TO_REQUIRE,
    SAVE_NEEDS_WITHOUT_CLIENT,
    NEEDS_REQUIRED,
    /** More than params.max available + outOfService for the capacity. */
    ABOVE_CAPACITY,
    USERNAME_FORMAT,
    PASSWORD_BLANK,
    PASSWORD_IS_USERNAME,
    PASSWORD_TOO_EASY,
    PASSWORD_UNCHANGED,
    WRONG_CURRENT_PASSWORD,
    /** Not this hold's arrival code; params.triesLeft before the hold is released. */
    WRONG_ARRIVAL_CODE,
    /** A rule of bean validation (params.constraint names it). */
    INVALID_VALUE
}
