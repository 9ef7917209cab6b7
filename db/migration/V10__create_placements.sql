-- A client in a program from a start date to an end date. At most one ACTIVE placement per client,
-- enforced by a unique index on a column that is the client id only while ACTIVE.
CREATE TABLE placements (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id          BIGINT        NOT NULL,
    program_id         BIGINT        NOT NULL,
    organization_id    BIGINT        NOT NULL,
    hold_id            BIGINT        NULL,
    moved_from_id      BIGINT        NULL,
    start_date         DATE          NOT NULL,
    expected_end_date  DATE          NULL,
    end_date           DATE          NULL,
    end_reason         VARCHAR(30)   NULL,
    -- why a MOVED placement moved (funding ended, max stay reached, ...)
    move_reason        VARCHAR(30)   NULL,
    status             VARCHAR(10)   NOT NULL,
    nightly_cost       DECIMAL(10,2) NULL,
    ending_notified    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by         BIGINT        NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    ended_at           DATETIME(6)   NULL,
    active_client_id   BIGINT AS (CASE WHEN status = 'ACTIVE' THEN client_id END) STORED,
    UNIQUE KEY uk_placements_one_active (active_client_id),
    KEY ix_placements_client (client_id, start_date),
    KEY ix_placements_program (program_id, status),
    KEY ix_placements_org_ending (organization_id, status, expected_end_date),
    CONSTRAINT fk_placements_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_placements_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
