-- One set of migrations for H2 (embedded default) and PostgreSQL (scale-out): portable SQL only.
-- Codes and refresh tokens are stored as HMAC-SHA-256 hex digests; a dump of this database reveals no live code.

CREATE TABLE server_secrets (
    name        VARCHAR(64)   PRIMARY KEY,
    secret      VARCHAR(4096) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Registered device apps (OAuth public clients). A device presenting any other client_id is refused.
CREATE TABLE device_apps (
    client_id       VARCHAR(64)  PRIMARY KEY,
    display_name    VARCHAR(128) NOT NULL,
    allowed_scopes  VARCHAR(512) NOT NULL
);

INSERT INTO device_apps (client_id, display_name, allowed_scopes) VALUES
    ('demo-console', 'DeviceLink Demo Console', 'offline_access profile play'),
    ('demo-tv', 'DeviceLink TV', 'offline_access profile watch');

-- People who approve devices or own them, keyed by the identity provider that vouches for them.
CREATE TABLE accounts (
    id            VARCHAR(36)  PRIMARY KEY,
    issuer        VARCHAR(512) NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    display_name  VARCHAR(255),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT accounts_identity UNIQUE (issuer, subject)
);

CREATE TABLE linked_devices (
    id              VARCHAR(36)  PRIMARY KEY,
    account_id      VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    approved_by     VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    client_id       VARCHAR(64)  NOT NULL REFERENCES device_apps (client_id),
    name            VARCHAR(64)  NOT NULL,
    model           VARCHAR(64),
    scope           VARCHAR(512) NOT NULL,
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_active_at  TIMESTAMP WITH TIME ZONE,
    status          VARCHAR(16)  NOT NULL,   -- active | unlinked | revoked
    ended_at        TIMESTAMP WITH TIME ZONE,
    end_reason      VARCHAR(32)             -- unlinked-by-owner | signed-out | refresh-token-reuse
);
CREATE INDEX linked_devices_by_account ON linked_devices (account_id, status);

-- A device's request to be linked, from device_authorization until its tokens are collected (RFC 8628).
CREATE TABLE pending_links (
    id                VARCHAR(36)  PRIMARY KEY,
    device_code_hash  CHAR(64)     NOT NULL UNIQUE,
    user_code_hash    CHAR(64)     NOT NULL UNIQUE,
    client_id         VARCHAR(64)  NOT NULL REFERENCES device_apps (client_id),
    scope             VARCHAR(512) NOT NULL,
    device_name       VARCHAR(64),
    device_model      VARCHAR(64),
    client_address    VARCHAR(64)  NOT NULL,
    user_agent        VARCHAR(256),
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    poll_interval     INTEGER      NOT NULL,  -- seconds; grows by 5 on every slow_down and stays grown
    last_polled_at    TIMESTAMP WITH TIME ZONE,
    status            VARCHAR(16)  NOT NULL,  -- pending | approved | denied | redeemed
    decided_at        TIMESTAMP WITH TIME ZONE,
    decided_by        VARCHAR(36)  REFERENCES accounts (id),
    reported          BOOLEAN      NOT NULL DEFAULT FALSE,  -- denied with "I didn't start this"
    device_id         VARCHAR(36)  REFERENCES linked_devices (id)
);
CREATE INDEX pending_links_by_expiry ON pending_links (expires_at);

-- Opaque refresh tokens, rotated on every use. A rotated token presented again means it was copied:
-- the whole device session is revoked.
CREATE TABLE refresh_tokens (
    token_hash  CHAR(64)    PRIMARY KEY,
    device_id   VARCHAR(36) NOT NULL REFERENCES linked_devices (id),
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_tokens_by_device ON refresh_tokens (device_id);

-- RFC 8628 §5.1: failed user-code attempts, per account ("account:<id>") and per client address ("address:<ip>").
CREATE TABLE attempt_limits (
    subject            VARCHAR(128) PRIMARY KEY,
    window_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    failures           INTEGER      NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE
);
