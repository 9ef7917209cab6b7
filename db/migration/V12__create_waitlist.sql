-- Waiting for a program, or for any program of a type in a region. An offer is a hold on a freed bed
-- for the offer's time; accepting is placing with that hold.
CREATE TABLE waitlist_entries (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id         BIGINT       NOT NULL,
    organization_id   BIGINT       NOT NULL,
    program_id        BIGINT       NULL,
    type              VARCHAR(32)  NULL,
    region_code       VARCHAR(32)  NULL,
    priority          INT          NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    offered_at        DATETIME(6)  NULL,
    offer_expires_at  DATETIME(6)  NULL,
    offered_program_id BIGINT      NULL,
    hold_id           BIGINT       NULL,
    closed_at         DATETIME(6)  NULL,
    -- one open entry per client per list: set only while WAITING or OFFERED
    open_list_key     VARCHAR(120) AS (CASE WHEN status IN ('WAITING', 'OFFERED')
                          THEN CONCAT(client_id, '/', COALESCE(program_id, ''), '/', COALESCE(type, ''), '/',
                                      COALESCE(region_code, '')) END) STORED,
    UNIQUE KEY uk_waitlist_open_per_list (open_list_key),
    KEY ix_waitlist_program (program_id, status, priority, created_at),
    KEY ix_waitlist_type_region (type, region_code, status, priority, created_at),
    KEY ix_waitlist_client (client_id, status),
    CONSTRAINT fk_waitlist_client FOREIGN KEY (client_id) REFERENCES clients (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
