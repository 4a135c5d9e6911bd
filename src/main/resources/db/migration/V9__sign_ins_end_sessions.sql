-- The local provider's sign-in a page session was made from: when that sign-in ends (a reused refresh token, a removed
-- account), the session ends with it. Null for sessions of an outside provider, which last until they expire.
ALTER TABLE web_sessions ADD COLUMN sign_in VARCHAR(64);
