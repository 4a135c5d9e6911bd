-- Where an account's notices go: the provider's email claim, kept as it last said it (null: no notices by email).
ALTER TABLE accounts ADD COLUMN email VARCHAR(320);
-- Linking with a code, as the account (or its parent) set it: on, home (from the device's own network only) or off;
-- null: the operator's default (linking.default).
ALTER TABLE accounts ADD COLUMN linking VARCHAR(8);
-- The last lookup of a code that an account's linking setting refused, for the code's story at the support desk.
ALTER TABLE pending_links ADD COLUMN refused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pending_links ADD COLUMN refused_by VARCHAR(36);
ALTER TABLE pending_links ADD COLUMN refused_linking VARCHAR(8);
-- The local provider's own accounts may have one too; it is their tokens' email claim.
ALTER TABLE local_users ADD COLUMN email VARCHAR(320);

-- The transactional outbox: a notice is written here in the same transaction as the change it reports, as the whole
-- message (its Message-ID fixed inside), and sent after the commit. A row is due at next_attempt_at (later after each
-- failure); a node takes it until leased_until, so two nodes never send it at once, and a node that dies mid-send
-- leaves it to the others when the lease runs out (on H2, where one node runs, to its own next start at once).
CREATE TABLE outbox (
    id               VARCHAR(36)   PRIMARY KEY,
    recipient        VARCHAR(320)  NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    message          VARCHAR(200000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    leased_until     TIMESTAMP WITH TIME ZONE,
    sent_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500)
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- "This wasn't me" links in new-link notices: one per notice, for one device of one account, used once, and only
-- within its lifetime. The link carries the id and a keyed signature of it, nothing else.
CREATE TABLE unwanted_links (
    id          VARCHAR(36)  PRIMARY KEY,
    account_id  VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    device_id   VARCHAR(36)  NOT NULL REFERENCES linked_devices (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
