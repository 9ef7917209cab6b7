-- Toronto Central Intake daily calls, for the turnaway report. The open-data importer may create this
-- table first (V13-V19); then this statement does nothing. The report reads only: day, calls_handled,
-- referrals_to_space, unavailable_family, unavailable_individuals.
CREATE TABLE IF NOT EXISTS central_intake_days (
    day                      DATE NOT NULL PRIMARY KEY,
    calls_handled            INT  NULL,
    calls_coded              INT  NULL,
    -- code 1A: referral to a sleeping or resting space
    referrals_to_space       INT  NULL,
    declined_space           INT  NULL,
    -- code 3A: space not available, family
    unavailable_family       INT  NULL,
    -- code 3B: space not available, individuals and couples
    unavailable_individuals  INT  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
