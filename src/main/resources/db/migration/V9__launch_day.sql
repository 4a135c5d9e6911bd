-- The local provider's sign-in a page session was made from: when that sign-in ends (a reused refresh token, a removed
-- account), the session ends with it. Null for sessions of an outside provider, which last until they expire.
ALTER TABLE web_sessions ADD COLUMN sign_in VARCHAR(64);

-- A near-miss hint given to a support account, and the codes around the input it was given for (the input and each
-- code one slip from it, as keyed digests). A later lookup whose own codes meet these is near the hint: it gets no
-- hint of its own, and only a couple of such re-reads are answered. Swept after a day.
CREATE TABLE support_hints (
    id          VARCHAR(36)  PRIMARY KEY,
    support_id  VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    rereads     INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX support_hints_by_support ON support_hints (support_id, at);
CREATE TABLE support_hint_codes (
    hint_id     VARCHAR(36)  NOT NULL REFERENCES support_hints (id) ON DELETE CASCADE,
    code_hash   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (hint_id, code_hash)
);

-- Spray detection (RFC 10027): the first account that looked a code up, and whether another one has too. A code
-- looked up by two accounts may have been sent around: each approver is told, and so is the owner it is linked to.
ALTER TABLE pending_links ADD COLUMN looked_up_by VARCHAR(36);
ALTER TABLE pending_links ADD COLUMN seen_by_others BOOLEAN DEFAULT FALSE NOT NULL;
