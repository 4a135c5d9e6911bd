-- A pending poll no longer writes: each node paces its polls in memory (see PendingPolls), and only a slow_down,
-- which lengthens the interval for good, is written to poll_interval.
ALTER TABLE pending_links DROP COLUMN last_polled_at;

-- A waiting code's two keys are the first 128 bits of their HMAC (KeyedHash.Kind): half the bytes in the row and
-- in both unique indexes. The digests already stored are cut the same way, so every code still waiting still works.
UPDATE pending_links SET device_code_hash = SUBSTRING(device_code_hash, 1, 32), user_code_hash = SUBSTRING(user_code_hash, 1, 32);
ALTER TABLE pending_links ALTER COLUMN device_code_hash SET DATA TYPE VARCHAR(32);
ALTER TABLE pending_links ALTER COLUMN user_code_hash SET DATA TYPE VARCHAR(32);

-- Wrong-code and password limits tell attempts still being judged from failures: many lookups at once by one account
-- hold each other back for a second, but only failures lock anyone out.
ALTER TABLE attempt_limits ADD COLUMN in_flight INTEGER NOT NULL DEFAULT 0;
