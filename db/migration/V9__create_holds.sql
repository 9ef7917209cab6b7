-- A short reservation of one bookable bed. `held` in availability counts the ACTIVE ones; each status
-- change is a guarded UPDATE ... WHERE status = 'ACTIVE' so a hold is released exactly once.
CREATE TABLE holds (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    program_id       BIGINT       NOT NULL,
    client_id        BIGINT       NULL,
    organization_id  BIGINT       NULL,
    created_by       BIGINT       NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    ended_at         DATETIME(6)  NULL,
    KEY ix_holds_status_expiry (status, expires_at),
    KEY ix_holds_program (program_id, status),
    CONSTRAINT fk_holds_program FOREIGN KEY (program_id) REFERENCES programs (id),
    CONSTRAINT fk_holds_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
