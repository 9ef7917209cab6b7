package org.harbour.problem;

/**
 * What went wrong, as a stable machine word in every problem's {@code "code"}: the dashboard translates it
 * (the English {@code detail} is for people reading the API), so a French screen never shows an English
 * sentence. Documented in api.md ("Error codes"); a code is never renamed or removed once served.
 */
public enum ProblemCode {
    // The request itself (framework answers)
    MALFORMED_REQUEST,
    BODY_NOT_READABLE,
    WRONG_TYPE,
    PARAMETER_WRONG_TYPE,
    MISSING_PARAMETER,
    AUTHENTICATION_REQUIRED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    ORIGIN_NOT_ALLOWED,
    SERVICE_UNAVAILABLE,
    INTERNAL_ERROR,
    REQUEST_REFUSED,
    /** 422: the fields at fault are in errors[], each with its own code. */
    INVALID,
    // Signing in and accounts
    BAD_CREDENTIALS,
    SIGN_IN_AGAIN,
    TOO_MANY_SIGN_INS,
    TOO_MANY_PASSWORD_TRIES,
    PASSWORD_CHANGE_REQUIRED,
    USERNAME_TAKEN,
    CANNOT_DEMOTE_YOURSELF,
    LAST_ADMIN,
    USE_OWN_PASSWORD_CHANGE,
    // The database
    CONCURRENT_CHANGE,
    DUPLICATE_RECORD,
    DATABASE_UNAVAILABLE,
    // Counts
    NOT_YOUR_FACILITY,
    STALE_VERSION,
    COUNTS_CHANGED,
    // Holds, the door and placements
    NO_BED_LEFT,
    HOLD_LIMIT_ORGANIZATION,
    HOLD_LIMIT_CLIENT,
    HOLD_ENDED,
    HOLD_NAMES_NOBODY,
    HOLD_CLIENT_GONE,
    HOLD_FOR_ANOTHER_CLIENT,
    HELD_BED_GONE,
    DOOR_STAFF_ONLY,
    WRONG_CODES_HOLD_RELEASED,
    ACTIVE_PLACEMENT_EXISTS,
    PLACEMENT_ENDED,
    // Waitlists
    ALREADY_ON_WAITLIST,
    WAITLIST_ENTRY_CLOSED,
    // Reports and imports
    BAD_DATE_PARAMETER,
    IMPORT_BAD_CHARSET,
    IMPORT_EMPTY,
    IMPORT_WRONG_FILE
}
