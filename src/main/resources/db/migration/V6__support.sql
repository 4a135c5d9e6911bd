-- Support staff read a code's story: when it was first looked up and when its device collected its tokens join what
-- the row already says (issued, decided by whom, expiry).
ALTER TABLE pending_links ADD COLUMN looked_up_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pending_links ADD COLUMN redeemed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pending_links ADD COLUMN asked_at TIMESTAMP WITH TIME ZONE;   -- when a child asked a parent

-- Every support access, for good: who looked at what, why, and whose it was. Rows are only ever added (each database
-- gets a trigger that refuses UPDATE and DELETE, in db/postgresql and db/h2). It is also the support rate limit's memory.
CREATE TABLE support_audit (
    id            VARCHAR(36)  PRIMARY KEY,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    support_id    VARCHAR(36)  NOT NULL REFERENCES accounts (id),
    action        VARCHAR(32)  NOT NULL,   -- code-lookup | account-devices
    target        VARCHAR(64)  NOT NULL,   -- the code's keyed digest (as pending_links keeps it), or the account id
    customer_id   VARCHAR(36)  REFERENCES accounts (id),
    reason        VARCHAR(500)
);
CREATE INDEX support_audit_by_support ON support_audit (support_id, at);

-- activity.kind gains 'viewed-by-support' (detail: the reason given).
