-- The night each history row counts for, stored when the row is written (issue 6): the local date of
-- (changed_at - 04:00) in its facility's time zone at that instant, i.e. night D runs from 04:00 local on D
-- to 04:00 local on D+1 (Toronto's open-data convention, see report/NightCutoffs). Reports read it instead
-- of working out every row's local time in SQL. NULL only for rows written before this column existed
-- (or by hand); those are filled in the background at start (report/NightBackfill) and, until then,
-- reports compute them as before.
ALTER TABLE availability_history
    ADD COLUMN night DATE NULL,
    ADD INDEX ix_availability_history_program_nights (program_id, changed_at, source, capacity, out_of_service,
                                                      occupied, night),
    DROP INDEX ix_availability_history_program_counts;
