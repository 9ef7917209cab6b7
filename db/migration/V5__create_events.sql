-- Append-only event log: the source of live updates on every instance and of the audit trail.
-- organization_id set = only that organization may receive it; facility_id set = scoped to it.
CREATE TABLE events (
    seq              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type             VARCHAR(40)  NOT NULL,
    program_id       BIGINT       NULL,
    facility_id      BIGINT       NULL,
    organization_id  BIGINT       NULL,
    payload          JSON         NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    KEY ix_events_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row whose lock every event append takes until commit. AUTO_INCREMENT values are handed out
-- before commit, so without it a reader could pass a seq that commits late; with it, events commit
-- in seq order and "seq > last seen" never skips one.
CREATE TABLE event_append_lock (
    id       TINYINT NOT NULL PRIMARY KEY,
    appends  BIGINT  NOT NULL
) ENGINE = InnoDB;
INSERT INTO event_append_lock (id, appends) VALUES (1, 0);
