-- Art. 14: a blacklist entry ends early when the appeal against the disposal that decided it succeeds.
ALTER TABLE blacklist_entries
    ADD COLUMN revoke_time   DATETIME(6)   NULL,
    ADD COLUMN revoke_reason VARCHAR(2000) NULL,
    ADD COLUMN revoke_source VARCHAR(200)  NULL;
