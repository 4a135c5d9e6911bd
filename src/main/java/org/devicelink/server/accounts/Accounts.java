package org.devicelink.server.accounts;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.devicelink.server.store.Sql;

/** Accounts, created the first time a person signs in to the companion API. */
public final class Accounts {

    private final Sql sql;
    private final Clock clock;

    public Accounts(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Account findOrCreate(String issuer, String subject, String displayName) {
        Optional<Account> existing = find(issuer, subject);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (displayName != null && !displayName.equals(account.displayName())) {
                sql.update("UPDATE accounts SET display_name = ? WHERE id = ?", displayName, account.id());
                return new Account(account.id(), issuer, subject, displayName);
            }
            return account;
        }
        try {
            String id = UUID.randomUUID().toString();
            sql.update("INSERT INTO accounts (id, issuer, subject, display_name, created_at) VALUES (?, ?, ?, ?, ?)",
                    id, issuer, subject, displayName, clock.instant());
            return new Account(id, issuer, subject, displayName);
        } catch (Sql.StoreException e) {
            if (Sql.isDuplicateKey(e)) { // the same person's first two requests raced
                return find(issuer, subject).orElseThrow();
            }
            throw e;
        }
    }

    private Optional<Account> find(String issuer, String subject) {
        return sql.queryOne("SELECT id, display_name FROM accounts WHERE issuer = ? AND subject = ?",
                row -> new Account(row.string("id"), issuer, subject, row.string("display_name")), issuer, subject);
    }
}
