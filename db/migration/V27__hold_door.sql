-- The door (issue 16): each hold carries a sealed arrival code (AES-GCM under a key derived from the service's
-- secret, so neither staff nor a reader of the database can read it), its wrong tries, the intake facts the
-- shelter sees instead of a name, and how the door went (ARRIVED, NO_SHOW, REFUSED_AT_DOOR with a reason).
ALTER TABLE holds
    ADD COLUMN arrival_code  VARCHAR(80)  NULL,
    ADD COLUMN wrong_codes   INT          NOT NULL DEFAULT 0,
    ADD COLUMN intake_facts  VARCHAR(500) NULL,
    ADD COLUMN door_outcome  VARCHAR(20)  NULL,
    ADD COLUMN door_reason   VARCHAR(30)  NULL,
    ADD INDEX ix_holds_program_door (program_id, door_outcome);
