-- A device code now carries its request's row id, and a poll reads the row on its primary key: the unique index of
-- device code hashes (random, one page written per new code) goes. Dropping the column drops its index on H2 and
-- PostgreSQL alike; the hashes are kept. Codes issued before this version name no row: their devices are told
-- expired_token at the next poll and ask for a new code (RFC 8628 §3.5).
ALTER TABLE pending_links ADD COLUMN device_code_key VARCHAR(32);
UPDATE pending_links SET device_code_key = device_code_hash;
ALTER TABLE pending_links DROP COLUMN device_code_hash;
ALTER TABLE pending_links RENAME COLUMN device_code_key TO device_code_hash;
ALTER TABLE pending_links ALTER COLUMN device_code_hash SET NOT NULL;
