-- Bed requests (issue 6) walk a region's facilities to their programs and check each program's counts
-- before reading its row; with the type in this index a request for some types never touches the
-- other programs at all. It starts with facility_id, so it also serves the facility foreign key and
-- replaces the single-column index.
ALTER TABLE programs
    ADD INDEX ix_programs_facility_type (facility_id, type),
    DROP INDEX ix_programs_facility;
