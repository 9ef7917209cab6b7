-- Every search for a bed, with its needs and what it found; one with no match is unmet demand.
CREATE TABLE bed_requests (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id  BIGINT       NULL,
    user_id          BIGINT       NOT NULL,
    client_id        BIGINT       NULL,
    region_code      VARCHAR(32)  NULL,
    types            VARCHAR(300) NULL,
    needs            JSON         NOT NULL,
    admit_now        BOOLEAN      NOT NULL,
    match_count      INT          NOT NULL,
    unmet            BOOLEAN      NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    KEY ix_bed_requests_created (created_at),
    KEY ix_bed_requests_region (region_code, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE bed_request_matches (
    bed_request_id  BIGINT NOT NULL,
    rank_order      INT    NOT NULL,
    program_id      BIGINT NOT NULL,
    PRIMARY KEY (bed_request_id, rank_order),
    CONSTRAINT fk_matches_request FOREIGN KEY (bed_request_id) REFERENCES bed_requests (id)
) ENGINE = InnoDB;

-- What happened at the door after a match: programs that advertise beds and refuse people show up.
CREATE TABLE bed_request_outcomes (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bed_request_id  BIGINT       NOT NULL,
    program_id      BIGINT       NOT NULL,
    outcome         VARCHAR(20)  NOT NULL,
    recorded_by     BIGINT       NOT NULL,
    recorded_at     DATETIME(6)  NOT NULL,
    KEY ix_outcomes_program (program_id, outcome),
    CONSTRAINT fk_outcomes_request FOREIGN KEY (bed_request_id) REFERENCES bed_requests (id),
    CONSTRAINT fk_outcomes_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
