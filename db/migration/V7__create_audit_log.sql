-- Append-only record of every read of a client record and every change: who, what, when, from where.
-- Holds ids, never aliases or free text. The application only ever INSERTs here.
CREATE TABLE audit_log (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at              DATETIME(6)  NOT NULL,
    user_id         BIGINT       NULL,
    username        VARCHAR(100) NOT NULL,
    organization_id BIGINT       NULL,
    action          VARCHAR(40)  NOT NULL,
    object_type     VARCHAR(30)  NOT NULL,
    object_id       BIGINT       NULL,
    remote_address  VARCHAR(64)  NULL,
    KEY ix_audit_log_at (at),
    KEY ix_audit_log_object (object_type, object_id),
    KEY ix_audit_log_user (user_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
