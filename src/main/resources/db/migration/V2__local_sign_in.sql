-- The local OpenID provider of the embedded default: its accounts, authorization codes and refresh tokens.
-- Passwords are PBKDF2 hashes; codes and refresh tokens are HMAC digests, as in V1.

CREATE TABLE local_users (
    id             VARCHAR(36)  PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(128) NOT NULL,
    password_hash  VARCHAR(256) NOT NULL,
    role           VARCHAR(16)  NOT NULL,   -- member | organizer | child | support
    family_id      VARCHAR(36),             -- organizers and children of one family share it
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE authorization_codes (
    code_hash       CHAR(64)     PRIMARY KEY,
    user_id         VARCHAR(36)  NOT NULL REFERENCES local_users (id) ON DELETE CASCADE,
    client_id       VARCHAR(64)  NOT NULL,
    redirect_uri    VARCHAR(256) NOT NULL,
    code_challenge  VARCHAR(128) NOT NULL,
    scope           VARCHAR(512) NOT NULL,
    nonce           VARCHAR(256),
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    grant_id        VARCHAR(36)  NOT NULL   -- the refresh chain this code started, revoked if the code is replayed
);

CREATE TABLE idp_refresh_tokens (
    token_hash  CHAR(64)     PRIMARY KEY,
    grant_id    VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(36)  NOT NULL REFERENCES local_users (id) ON DELETE CASCADE,
    client_id   VARCHAR(64)  NOT NULL,
    scope       VARCHAR(512) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at  TIMESTAMP WITH TIME ZONE,
    revoked     BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX idp_refresh_tokens_by_grant ON idp_refresh_tokens (grant_id);
