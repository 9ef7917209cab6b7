-- Nights imported from open data (source 'IMPORT') carry a natural key, so importing the same file twice
-- changes nothing: "toronto:<PROGRAM_ID>:<YYYY-MM-DD>" for the City of Toronto daily occupancy file.
-- NULL for every live change (staff, feeds, holds, placements); a unique key allows any number of NULLs.
--
-- An imported row is one night D of one program: changed_at = D 23:00 America/Toronto in UTC (so it is the
-- count in force at 04:00 on D+1, Toronto's convention), capacity = CAPACITY_ACTUAL + UNAVAILABLE,
-- available = UNOCCUPIED, out_of_service = UNAVAILABLE, occupied = OCCUPIED (= capacity - available -
-- out_of_service), held = 0, version = 0, changed_by = 'import:toronto-occupancy'. Imported programs have
-- no live availability row: their history is for reports, not for the live board or search.
ALTER TABLE availability_history
    ADD COLUMN import_key VARCHAR(64) NULL,
    ADD UNIQUE KEY uk_availability_history_import_key (import_key);
