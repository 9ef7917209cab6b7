-- The audit log is append-only (privacy rule 4): the database itself refuses to change or remove a row,
-- whoever asks, so neither a bug nor a stolen application connection can rewrite history. (TRUNCATE and
-- DROP skip triggers; the application's database account should hold only SELECT and INSERT on this table.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
