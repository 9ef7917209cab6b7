-- Pseudonymous clients: an alias chosen by the caseworker, birth year, gender and needs. No legal name,
-- no trafficking label. Owned by one organization; invisible to every other.
CREATE TABLE clients (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organization_id   BIGINT       NOT NULL,
    alias             VARCHAR(60)  NOT NULL,
    birth_year        INT          NULL,
    gender            VARCHAR(16)  NULL,
    needs             JSON         NOT NULL,
    consent_to_share  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_by        BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    KEY ix_clients_organization (organization_id),
    CONSTRAINT fk_clients_organization FOREIGN KEY (organization_id) REFERENCES organizations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
