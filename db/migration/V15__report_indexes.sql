-- Reports read a range of each program's history in time order and need only these columns: with
-- them in the index the night figures never touch the table rows. It replaces the (program_id,
-- changed_at) index, which it starts with.
ALTER TABLE availability_history
    ADD INDEX ix_availability_history_program_counts (program_id, changed_at, source, capacity, out_of_service, occupied),
    DROP INDEX ix_availability_history_program_time;

-- Placements started in a report's range, and the clients who have one.
ALTER TABLE placements ADD INDEX ix_placements_start (start_date, client_id);
