-- Bed requests hold every program's unchanging part (who it admits, its facility, its intake hours) in the
-- service's memory and read only the counts from the database (issue 20: the joins, the JSON and the hours of a
-- region's few hundred programs cost MariaDB 3.5 ms per request). What makes that safe is this one number: every
-- write of programs or facilities, by any writer (the API, the importers, a hand-run UPDATE) on any instance or
-- node, moves it in the writer's own transaction; each request reads it with the counts, in the same round trip,
-- and reloads the programs before answering when it is not the number they were loaded at.
--
-- INSERT ... ON DUPLICATE KEY UPDATE rather than UPDATE: should the row ever be deleted, the next write makes it
-- again (an UPDATE would then change nothing, and nothing would ever be reloaded). One statement per trigger, as in
-- V30.
CREATE TABLE directory_version (
    id       TINYINT NOT NULL PRIMARY KEY,
    version  BIGINT  NOT NULL
) ENGINE = InnoDB;
INSERT INTO directory_version (id, version) VALUES (1, 0);

CREATE TRIGGER programs_directory_version_insert AFTER INSERT ON programs FOR EACH ROW
    INSERT INTO directory_version (id, version) VALUES (1, 1) ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER programs_directory_version_update AFTER UPDATE ON programs FOR EACH ROW
    INSERT INTO directory_version (id, version) VALUES (1, 1) ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER programs_directory_version_delete AFTER DELETE ON programs FOR EACH ROW
    INSERT INTO directory_version (id, version) VALUES (1, 1) ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER facilities_directory_version_insert AFTER INSERT ON facilities FOR EACH ROW
    INSERT INTO directory_version (id, version) VALUES (1, 1) ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER facilities_directory_version_update AFTER UPDATE ON facilities FOR EACH ROW
    INSERT INTO directory_version (id, version) VALUES (1, 1) ON DUPLICATE KEY UPDATE version = version + 1;
CREATE TRIGGER facilities_directory_version_delete AFTER DELETE ON facilities FOR EACH ROW
    INSERT INTO directory_version (id, version) VALUES (1, 1) ON DUPLICATE KEY UPDATE version = version + 1;
