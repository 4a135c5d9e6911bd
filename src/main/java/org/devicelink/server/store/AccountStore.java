package org.devicelink.server.store;

import java.time.Instant;
import java.util.Optional;

/** The {@code accounts} table: people who approve or own devices, keyed by (issuer, subject). */
public final class AccountStore {

    private final Sql sql;

    public AccountStore(Sql sql) {
        this.sql = sql;
    }

    public record Row(String id, String displayName) {}

    public Optional<Row> find(String issuer, String subject) {
        return sql.queryOne("SELECT id, display_name FROM accounts WHERE issuer = ? AND subject = ?",
                r -> new Row(r.string("id"), r.string("display_name")), issuer, subject);
    }

    /** Adds an account; a {@link Sql.StoreException} with a duplicate key when the same person raced to it. */
    public void insert(String id, String issuer, String subject, String displayName, Instant now) {
        sql.update("INSERT INTO accounts (id, issuer, subject, display_name, created_at) VALUES (?, ?, ?, ?, ?)",
                id, issuer, subject, displayName, now);
    }

    public void rename(String id, String displayName) {
        sql.update("UPDATE accounts SET display_name = ? WHERE id = ?", displayName, id);
    }
}
