-- Retention (retention/ClientRetention) removes a client's record a set time after her last placement
-- ended, but funders' reports must give the same figures afterwards: her placements and closed waitlist
-- entries stay, re-keyed to a negative de-identified subject number that no client row has (it still
-- groups one person's stays into episodes and waits, and names no one). These rows can therefore no
-- longer point at clients; the application checks ownership before it writes a client id.
ALTER TABLE placements DROP FOREIGN KEY fk_placements_client;
ALTER TABLE waitlist_entries DROP FOREIGN KEY fk_waitlist_client;
ALTER TABLE holds DROP FOREIGN KEY fk_holds_client;
