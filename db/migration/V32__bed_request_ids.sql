-- A bed request's answer carries its id, and a request without a client is written after the answer has gone
-- (issue 20: the write and its commit were a third of a request's time). So ids come from here, before the write:
-- each instance takes a block of them at a time, in one statement, and every writer of bed_requests that picks its
-- own id takes it from here. A block taken also steps over any id already in bed_requests (a row written by hand
-- with an id of its own), so an id is never handed out twice.
CREATE TABLE id_blocks (
    name     VARCHAR(40) NOT NULL PRIMARY KEY,
    next_id  BIGINT      NOT NULL
) ENGINE = InnoDB;
INSERT INTO id_blocks (name, next_id) SELECT 'bed_requests', COALESCE(MAX(id), 0) + 1 FROM bed_requests;

-- No id of the table's own any more: a writer that does not take its ids from id_blocks is refused (no default for
-- id) instead of taking, from AUTO_INCREMENT, an id an instance holds in a block and is about to write.
ALTER TABLE bed_requests MODIFY id BIGINT NOT NULL;
