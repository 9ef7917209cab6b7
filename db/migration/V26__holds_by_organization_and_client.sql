-- Hold limits (issue 15): a new hold counts its organization's and its client's ACTIVE holds with a locking read,
-- under the organization's row lock. These indexes keep that read, and the gap locks it takes, to the rows counted.
ALTER TABLE holds
    ADD INDEX ix_holds_organization_status (organization_id, status),
    ADD INDEX ix_holds_client_status (client_id, status);
