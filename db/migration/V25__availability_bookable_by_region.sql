-- Bed requests (issue 6) want the programs of a region that have a bed to book: about 1 in 8 of them.
-- Reaching them through facilities -> programs -> counts read every program of the region (661 of 10,000
-- programs, 2.4 ms); this index holds only the answer. `has_bed` is computed by the database itself from
-- the counts, so the count writers (the ledger's guarded UPDATEs) need no extra statement, and its index
-- entry moves only when a program fills up or frees its first bed, not on every count change.
ALTER TABLE availability
    ADD COLUMN has_bed BOOLEAN GENERATED ALWAYS AS (available > held) STORED,
    ADD COLUMN region_code VARCHAR(32) NULL;

UPDATE availability a
  JOIN programs p ON p.id = a.program_id
  JOIN facilities f ON f.id = p.facility_id
   SET a.region_code = f.region_code;

-- NOT NULL: a count row written without its region would silently vanish from every search; this way
-- such an INSERT fails instead. Whoever creates a count row copies its facility's region (the ledger's
-- open(), the demo data). A BEFORE INSERT trigger would have spared them that, but MariaDB 11.4.5 then
-- refuses every multi-row INSERT ... SELECT into the table ("Column 'program_id' cannot be null").
ALTER TABLE availability
    MODIFY region_code VARCHAR(32) NOT NULL,
    ADD INDEX ix_availability_has_bed_region (has_bed, region_code);

-- Afterwards the database keeps the copy where the region can change: a facility moved to another
-- region, a program moved to another facility (the Toronto importer). Neither is on the count-change path.
CREATE TRIGGER facilities_region_to_availability AFTER UPDATE ON facilities FOR EACH ROW
    UPDATE availability a JOIN programs p ON p.id = a.program_id
       SET a.region_code = NEW.region_code
     WHERE p.facility_id = NEW.id AND NOT (NEW.region_code <=> OLD.region_code);

CREATE TRIGGER programs_region_to_availability AFTER UPDATE ON programs FOR EACH ROW
    UPDATE availability a
       SET a.region_code = (SELECT f.region_code FROM facilities f WHERE f.id = NEW.facility_id)
     WHERE a.program_id = NEW.id AND NOT (NEW.facility_id <=> OLD.facility_id);
