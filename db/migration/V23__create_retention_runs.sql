-- De-identified subjects: each removed client's kept placements and waitlist entries get client_id = -id
-- of one row here. Nothing maps a subject back to the client it replaced.
CREATE TABLE retention_subjects (
    id  BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY
) ENGINE = InnoDB;

-- One row per retention run: what it removed and de-identified, as counts only (never ids or aliases).
CREATE TABLE retention_runs (
    id                            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ran_at                        DATETIME(6) NOT NULL,
    client_days                   INT         NOT NULL,
    cutoff_date                   DATE        NOT NULL,
    clients_removed               INT         NOT NULL,
    placements_deidentified       INT         NOT NULL,
    waitlist_entries_deidentified INT         NOT NULL,
    holds_unlinked                INT         NOT NULL,
    bed_requests_unlinked         INT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
