-- The approval page's sign-ins (approve from any browser): a browser's session cookie, kept as its keyed hash, and the
-- account as the provider named it at sign-in (the roles and family an access token carried). Short-lived; swept.
CREATE TABLE web_sessions (
    id_hash      VARCHAR(64)  PRIMARY KEY,
    account_id   VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    display_name VARCHAR(255),
    roles        VARCHAR(128) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);
