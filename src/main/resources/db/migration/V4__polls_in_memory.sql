-- A pending poll no longer writes: each node paces its polls in memory (see PendingPolls), and only a slow_down,
-- which lengthens the interval for good, is written to poll_interval.
ALTER TABLE pending_links DROP COLUMN last_polled_at;
