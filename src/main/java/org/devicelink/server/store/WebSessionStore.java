package org.devicelink.server.store;

import java.time.Instant;
import java.util.Optional;

/** The approval page's sessions, by the keyed hash of their cookie: a dump of the table opens no session. */
public final class WebSessionStore {

    private final Sql sql;

    public WebSessionStore(Sql sql) {
        this.sql = sql;
    }

    /** A live session: its account as the provider named it at sign-in. */
    public record Row(String accountId, String issuer, String subject, String displayName, String roles, String familyId, String signIn,
                      Instant expiresAt) {}

    public void insert(String idHash, String accountId, String displayName, String roles, String signIn, Instant now, Instant expiresAt) {
        sql.update("INSERT INTO web_sessions (id_hash, account_id, display_name, roles, sign_in, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", idHash, accountId, displayName, roles, signIn, now, expiresAt);
    }

    public Optional<Row> find(String idHash, Instant now) {
        return sql.queryOne("SELECT s.account_id, a.issuer, a.subject, s.display_name, s.roles, a.family_id, s.sign_in, s.expires_at "
                        + "FROM web_sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = ? AND s.expires_at > ?",
                r -> new Row(r.string("account_id"), r.string("issuer"), r.string("subject"), r.string("display_name"), r.string("roles"),
                        r.string("family_id"), r.string("sign_in"), r.instant("expires_at")), idHash, now);
    }

    public void delete(String idHash) {
        sql.update("DELETE FROM web_sessions WHERE id_hash = ?", idHash);
    }
}
