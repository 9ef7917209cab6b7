-- Accounts and keys an administrator can stop without SQL (issue 18):
-- a temporary password set by an administrator (a new account's or a reset one) must be changed at the next
-- sign-in; a feed key records when it was revoked and when it was last used (written at most once a minute).
ALTER TABLE users
    ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE feed_keys
    ADD COLUMN revoked_at   DATETIME(6) NULL,
    ADD COLUMN last_used_at DATETIME(6) NULL;
