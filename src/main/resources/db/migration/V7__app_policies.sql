-- Per-app policies: the most devices one account may link for the app (null: only devices.max-per-account holds),
-- and whether one console at a time may be signed in per account (a newer one signs the older out).
ALTER TABLE device_apps ADD COLUMN max_devices INTEGER;
ALTER TABLE device_apps ADD COLUMN one_active BOOLEAN NOT NULL DEFAULT FALSE;
-- linked_devices.end_reason gains 'replaced' (signed out by the one-console rule); activity.kind gains 'replaced'.
