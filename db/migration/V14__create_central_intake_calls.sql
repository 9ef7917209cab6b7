-- City of Toronto "Central Intake calls": one row per day of calls to Toronto's shelter Central Intake line,
-- with how each call ended (its wrap-up code). Loaded by POST /api/imports/toronto-central-intake;
-- re-importing a day replaces it (upsert by call_date). Unmet demand for reports (GET /api/reports/turnaways):
--   turnaways           = code_3a_unavailable_family + code_3b_unavailable_individuals
--   placements offered  = code_1a_referred_to_space
-- Counts are calls, not people: one person may call many times, so nothing here is suppressed or personal.
-- As published, the codes do not always add up to calls_coded (42 of 1,154 days in 2020-11..2023-12), and
-- calls_coded exceeds calls_handled on 9 days; the importer keeps the figures as they are.
CREATE TABLE central_intake_calls (
    call_date                               DATE NOT NULL PRIMARY KEY, -- "Date" (Toronto local day)
    calls_handled                           INT  NOT NULL, -- "Total calls handled"
    calls_coded                             INT  NOT NULL, -- "Total calls coded"
    code_1a_referred_to_space               INT  NOT NULL, -- 1A Referral to a Sleeping/Resting Space
    code_1b_transferred_to_awhl             INT  NOT NULL, -- 1B External Transfer to AWHL (Assaulted Women's Helpline)
    code_1c_referred_to_eviction_prevention INT  NOT NULL, -- 1C Referral to Eviction Prevention Service
    code_1d_declined_space                  INT  NOT NULL, -- 1D Declined Shelter/Resting Space (offered, caller declined)
    code_2a_internal_transfer               INT  NOT NULL, -- 2A Internal Transfer to CI
    code_2b_external_transfer               INT  NOT NULL, -- 2B External Transfer - Homelessness-related
    code_2c_information_homelessness        INT  NOT NULL, -- 2C Information - Homelessness & Prevention Services
    code_2d_information_other               INT  NOT NULL, -- 2D Information - Non-Homelessness-related
    code_3a_unavailable_family              INT  NOT NULL, -- 3A Shelter Space Unavailable - Family (turnaway)
    code_3b_unavailable_individuals         INT  NOT NULL, -- 3B Shelter Space Unavailable - Individuals/Couples (turnaway)
    code_3c_follow_up                       INT  NOT NULL, -- 3C Follow-up / Check on Placement
    code_4a_dead_air                        INT  NOT NULL, -- 4A Dead Air
    code_4b_disconnected                    INT  NOT NULL, -- 4B Disconnected - No Outcome
    CONSTRAINT ck_central_intake_calls_counts CHECK (
        calls_handled >= 0 AND calls_coded >= 0
        AND code_1a_referred_to_space >= 0 AND code_1b_transferred_to_awhl >= 0
        AND code_1c_referred_to_eviction_prevention >= 0 AND code_1d_declined_space >= 0
        AND code_2a_internal_transfer >= 0 AND code_2b_external_transfer >= 0
        AND code_2c_information_homelessness >= 0 AND code_2d_information_other >= 0
        AND code_3a_unavailable_family >= 0 AND code_3b_unavailable_individuals >= 0
        AND code_3c_follow_up >= 0 AND code_4a_dead_air >= 0 AND code_4b_disconnected >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
