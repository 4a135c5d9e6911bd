-- V3: demo data leaves the migrations, sign-ins get a table of their own, and every state change is recorded.

-- V1 put the demo device apps into every database. They are seeded at start-up now, and only while the
-- demo-accounts setting is on; here they go wherever nothing refers to them.
DELETE FROM device_apps
WHERE client_id IN ('demo-console', 'demo-tv')
  AND client_id NOT IN (SELECT client_id FROM pending_links)
  AND client_id NOT IN (SELECT client_id FROM linked_devices);

-- A sign-in at the local provider: the chain its refresh tokens rotate along, ended as a whole on reuse.
CREATE TABLE sign_in_grants (
    id          VARCHAR(36)  PRIMARY KEY,
    user_id     VARCHAR(36)  NOT NULL REFERENCES local_users (id) ON DELETE CASCADE,
    client_id   VARCHAR(64)  NOT NULL,
    scope       VARCHAR(512) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);
-- the sign-ins there are today, from their tokens (all tokens of one grant share user, client and scope)
INSERT INTO sign_in_grants (id, user_id, client_id, scope, started_at, ended_at)
SELECT grant_id, MIN(user_id), MIN(client_id), MIN(scope), MIN(issued_at),
       CASE WHEN MAX(CASE WHEN revoked THEN 1 ELSE 0 END) = 1 THEN MAX(issued_at) END
FROM idp_refresh_tokens
GROUP BY grant_id;
ALTER TABLE idp_refresh_tokens DROP COLUMN revoked;
ALTER TABLE idp_refresh_tokens DROP COLUMN scope;
ALTER TABLE idp_refresh_tokens DROP COLUMN client_id;
ALTER TABLE idp_refresh_tokens DROP COLUMN user_id;
ALTER TABLE idp_refresh_tokens ADD CONSTRAINT idp_refresh_tokens_grant
    FOREIGN KEY (grant_id) REFERENCES sign_in_grants (id) ON DELETE CASCADE;

-- What happened to an account's devices and requests, newest first: the activity log (and support's history).
CREATE TABLE activity (
    id           VARCHAR(36)  PRIMARY KEY,
    account_id   VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    kind         VARCHAR(32)  NOT NULL,   -- linked | denied | reported | renamed | unlinked | signed-out | locked-out | refresh-token-reuse
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    device_id    VARCHAR(36),
    device_name  VARCHAR(64),
    app_id       VARCHAR(64),
    detail       VARCHAR(256)
);
CREATE INDEX activity_by_account ON activity (account_id, at);
CREATE INDEX activity_by_time ON activity (at);
