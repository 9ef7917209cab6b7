-- Live counts, one row per program. Changed only by guarded conditional UPDATEs.
CREATE TABLE availability (
    program_id      BIGINT       NOT NULL PRIMARY KEY,
    available       INT          NOT NULL,
    held            INT          NOT NULL DEFAULT 0,
    out_of_service  INT          NOT NULL DEFAULT 0,
    version         BIGINT       NOT NULL DEFAULT 0,
    updated_at      DATETIME(6)  NOT NULL,
    updated_by      VARCHAR(100) NOT NULL,
    CONSTRAINT fk_availability_program FOREIGN KEY (program_id) REFERENCES programs (id),
    CONSTRAINT ck_availability_counts CHECK (available >= 0 AND held >= 0 AND out_of_service >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change of counts, with the capacity in force, for reports (night occupancy) and audits.
CREATE TABLE availability_history (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    program_id      BIGINT       NOT NULL,
    capacity        INT          NOT NULL,
    available       INT          NOT NULL,
    held            INT          NOT NULL,
    out_of_service  INT          NOT NULL,
    occupied        INT          NOT NULL,
    version         BIGINT       NOT NULL,
    changed_at      DATETIME(6)  NOT NULL,
    changed_by      VARCHAR(100) NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    KEY ix_availability_history_program_time (program_id, changed_at),
    CONSTRAINT fk_availability_history_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
