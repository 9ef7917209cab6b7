-- Keys a facility's own system uses to push counts. Only a SHA-256 of the key is stored:
-- keys are 256-bit random, so a fast hash is safe and lets us look them up by hash.
CREATE TABLE feed_keys (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility_id  BIGINT       NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    revoked      BOOLEAN      NOT NULL DEFAULT FALSE,
    UNIQUE KEY uk_feed_keys_hash (key_hash),
    CONSTRAINT fk_feed_keys_facility FOREIGN KEY (facility_id) REFERENCES facilities (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
