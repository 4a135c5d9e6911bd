-- Families, as the identity provider says in each access token ("roles" and "family" claims). The server keeps the
-- last word it heard, so that a parent's requests and devices can find the children who have signed in.
ALTER TABLE accounts ADD COLUMN family_id VARCHAR(64);
ALTER TABLE accounts ADD COLUMN family_role VARCHAR(16);   -- organizer | child | null (in no family)
CREATE INDEX accounts_by_family ON accounts (issuer, family_id);

-- A child's approval waits for a parent: status 'awaiting-parent', asked_by the child (whose device it becomes).
ALTER TABLE pending_links ADD COLUMN asked_by VARCHAR(36) REFERENCES accounts (id);
CREATE INDEX pending_links_by_asker ON pending_links (asked_by, status);

-- activity.kind gains 'asked-a-parent' (a child's approval now waits); activity.detail, for linked, denied, reported and
-- unlinked, names who acted when it was not the owner (their parent).
